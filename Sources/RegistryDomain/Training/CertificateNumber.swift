/// A certificate's unique number: prefix, issue year, nine random symbols and a check symbol, `CQO-2025-7K3M9QX2PD`.
///
/// Not guessable from its neighbours: the nine symbols are drawn from a secure random source by the caller (about
/// 44.6 bits), so knowing one valid number tells nothing of another. The check symbol is a weighted sum modulo 31
/// over the year and the nine symbols (weights 3⁰, 3¹, … mod 31, 3 being a primitive root of 31): every single
/// mistyped symbol and every swap of two neighbours is refused by `init?(_:)`, before any lookup.
///
/// Symbols are those of the unified social credit code (`0-9A-HJ-NPQRTUWXY`, no I, O, S, V or Z, which are read
/// as digits); lower-case letters are read as capitals.
public struct CertificateNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// *Assumption*: the prefix of certificate numbers. The default is `CQO`.
    public static let defaultPrefix = "CQO"
    /// How many random symbols a number carries (the check symbol comes after them).
    public static let randomSymbols = 9
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    public let prefix: String
    public let year: Int
    /// The random symbols and the check symbol.
    public let serial: String

    /// A new number for a certificate issued in `year`, its symbols drawn from `generator` (a secure one in the
    /// server). Nil unless `prefix` is 1–8 ASCII capitals and `year` is 1000…9999.
    public static func random(
        year: Int, prefix: String = defaultPrefix, using generator: inout some RandomNumberGenerator
    ) -> CertificateNumber? {
        guard isValidPrefix(prefix), (1000...9999).contains(year) else { return nil }
        var values: [Int] = []
        for _ in 0..<randomSymbols { values.append(Int(generator.next(upperBound: UInt64(alphabet.count)))) }
        values.append(checkValue(year: year, values))
        let serial = String(decoding: values.map { alphabet[$0] }, as: UTF8.self)
        return CertificateNumber(prefix: prefix, year: year, serial: serial)
    }

    private init(prefix: String, year: Int, serial: String) {
        self.prefix = prefix
        self.year = year
        self.serial = serial
    }

    /// Parses `PREFIX-YYYY-SSSSSSSSSC`; nil for any other shape, an unknown symbol or a wrong check symbol.
    public init?(_ text: some StringProtocol) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, Self.isValidPrefix(String(parts[0])), parts[1].utf8.count == 4,
            parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let year = Int(parts[1]), year >= 1000, parts[2].utf8.count == Self.randomSymbols + 1
        else { return nil }
        var values: [Int] = []
        for byte in parts[2].utf8 {
            guard let value = Self.alphabet.firstIndex(of: byte) else { return nil }
            values.append(value)
        }
        guard let check = values.popLast(), check == Self.checkValue(year: year, values) else { return nil }
        self.init(prefix: String(parts[0]), year: year, serial: String(parts[2]))
    }

    public var description: String { "\(prefix)-\(year)-\(serial)" }

    public static func < (lhs: CertificateNumber, rhs: CertificateNumber) -> Bool {
        (lhs.prefix, lhs.year, lhs.serial) < (rhs.prefix, rhs.year, rhs.serial)
    }

    /// The check symbol's value for the year's digits followed by `values`.
    static func checkValue(year: Int, _ values: [Int]) -> Int {
        let digits = String(year).utf8.map { Int($0 - UInt8(ascii: "0")) }
        var sum = 0
        var weight = 1
        for value in digits + values {
            sum = (sum + value * weight) % 31
            weight = weight * 3 % 31
        }
        return (31 - sum) % 31
    }

    static func isValidPrefix(_ prefix: String) -> Bool {
        (1...8).contains(prefix.utf8.count)
            && prefix.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
