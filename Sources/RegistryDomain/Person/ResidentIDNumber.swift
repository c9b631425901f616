/// A resident identity card number (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth date
/// (`YYYYMMDD`), 3-digit sequence, and a check character (`0`–`9` or `X`).
///
/// Decision: a lowercase `x` check character is accepted and normalised to `X`, because people type it so and
/// the number it denotes is the same; every other character must be an ASCII digit. Nothing is trimmed.
/// The birth date must be a real calendar date; it is not compared with today (the domain has no clock).
public struct ResidentIDNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Weights of positions 1–17 (GB 11643-1999 §7.2: 2^(18−i) mod 11).
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character indexed by Σ(digit × weight) mod 11.
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The normalised number: 17 digits and a check character, `X` in capitals.
    public let value: String

    /// Why a text is not a resident ID number. The raw value is the violation's `code`.
    public enum Defect: String, Sendable, CaseIterable {
        case length
        case charset
        case birthDate = "birth_date"
        case checksum
    }

    /// Validates `text`, normalising a lowercase check character `x` to `X`.
    /// - Throws: a `ValidationFailure` on `field` with code `length`, `charset`, `birth_date` or `checksum`.
    public init(_ text: some StringProtocol, field: String = "id_number") throws(ValidationFailure) {
        if let defect = ResidentIDNumber.defect(of: text) {
            throw ValidationFailure(field: field, code: defect.rawValue, message: defect.message)
        }
        value = String(text).uppercased()
    }

    /// The first defect found in `text` (checked in the order length, charset, birth date, checksum), or nil.
    public static func defect(of text: some StringProtocol) -> Defect? {
        let bytes = Array(text.utf8)
        guard bytes.count == 18 else { return .length }
        guard bytes.prefix(17).allSatisfy(isDigit) else { return .charset }
        let last = bytes[17]
        guard isDigit(last) || last == UInt8(ascii: "X") || last == UInt8(ascii: "x") else { return .charset }
        guard birthDate(inDigits: bytes) != nil else { return .birthDate }
        let expected = checkCharacter(forDigits: bytes.prefix(17))
        let given = Character(UnicodeScalar(last == UInt8(ascii: "x") ? UInt8(ascii: "X") : last))
        return given == expected ? nil : .checksum
    }

    /// The check character for 17 leading digits; nil unless they are exactly 17 ASCII digits. For fixtures.
    public static func checkCharacter(for first17: some StringProtocol) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17, bytes.allSatisfy(isDigit) else { return nil }
        return checkCharacter(forDigits: bytes[...])
    }

    /// Characters 7–14: the holder's date of birth.
    public var birthDate: CivilDate {
        // A validated value always has a real birth date.
        ResidentIDNumber.birthDate(inDigits: Array(value.utf8)) ?? CivilDate(daysSinceEpoch: 0)
    }

    /// Characters 1–6: the address code of the place of first registration.
    public var addressCode: Substring { value.prefix(6) }

    public var description: String { value }

    public static func < (lhs: ResidentIDNumber, rhs: ResidentIDNumber) -> Bool { lhs.value < rhs.value }

    // MARK: - Helpers

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func checkCharacter(forDigits digits: ArraySlice<UInt8>) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
        return checkCharacters[sum % 11]
    }

    private static func birthDate(inDigits bytes: [UInt8]) -> CivilDate? {
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
        }
        return CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14))
    }
}

extension ResidentIDNumber.Defect {
    var message: String {
        switch self {
        case .length: "a resident ID number has 18 characters"
        case .charset: "a resident ID number is 17 digits followed by a digit or X"
        case .birthDate: "characters 7–14 of a resident ID number must be a real date of birth (YYYYMMDD)"
        case .checksum: "the check character (18th) does not match GB 11643-1999"
        }
    }
}
