/// A unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters with a check character.
public struct USCC: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 31 symbols, in value order: digits and capitals without I, O, S, V, Z.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Weights of positions 1–17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public let value: String

    /// Why a text is not a USCC. Each case becomes a violation with its own `code`.
    public enum Defect: String, Sendable {
        case length, charset, checksum
    }

    /// Validates `text` as given: no trimming, no case folding (a registry stores exactly what the licence prints).
    public init(_ text: some StringProtocol, field: String = "uscc") throws(ValidationFailure) {
        switch USCC.defect(of: text) {
        case nil: value = String(text)
        case .length?:
            throw ValidationFailure(
                field: field, code: "length", message: "a unified social credit code has 18 characters")
        case .charset?:
            throw ValidationFailure(
                field: field, code: "charset",
                message: "a unified social credit code uses only digits and the capitals A–Y without I, O, S, V, Z")
        case .checksum?:
            throw ValidationFailure(
                field: field, code: "checksum", message: "the check character (18th) does not match GB 32100-2015")
        }
    }

    /// The first defect found in `text`, or nil for a valid code.
    public static func defect(of text: some StringProtocol) -> Defect? {
        let bytes = Array(text.utf8)
        guard bytes.count == 18 else { return .length }
        var values: [Int] = []
        values.reserveCapacity(18)
        for byte in bytes {
            guard let index = alphabet.firstIndex(of: byte) else { return .charset }
            values.append(index)
        }
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return values[17] == (31 - sum % 31) % 31 ? nil : .checksum
    }

    /// The check character for 17 leading characters; nil when one is outside the alphabet. For fixtures and demos.
    public static func checkCharacter(for first17: some StringProtocol) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) {
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            sum += index * weight
        }
        return Character(UnicodeScalar(alphabet[(31 - sum % 31) % 31]))
    }

    /// Characters 3–8: the registering authority's six-digit division code.
    public var registeringDivision: Substring { value.dropFirst(2).prefix(6) }

    public var description: String { value }

    public static func < (lhs: USCC, rhs: USCC) -> Bool { lhs.value < rhs.value }
}
