/// A certificate's unique number: prefix, issue year and a sequence within the year, `CQO-2025-000123`.
///
/// Deterministic: the store hands out the next sequence of the year (starting at 1); the number is formatted
/// from (prefix, year, sequence) alone. The sequence is zero-padded to six digits and grows wider past 999,999.
public struct CertificateNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// *Assumption*: the prefix of certificate numbers. The default is `CQO`.
    public static let defaultPrefix = "CQO"
    public static let sequenceDigits = 6

    public let prefix: String
    public let year: Int
    public let sequence: Int

    /// Nil unless `prefix` is 1–8 ASCII capitals, `year` 1000…9999 and `sequence` ≥ 1.
    public init?(year: Int, sequence: Int, prefix: String = CertificateNumber.defaultPrefix) {
        guard CertificateNumber.isValidPrefix(prefix), (1000...9999).contains(year), sequence >= 1 else { return nil }
        self.prefix = prefix
        self.year = year
        self.sequence = sequence
    }

    /// Parses `PREFIX-YYYY-NNNNNN` (at least six sequence digits, no sign). Nil otherwise.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count == 4, parts[2].utf8.count >= CertificateNumber.sequenceDigits,
            parts[2].utf8.count <= 18, parts[1].utf8.allSatisfy(isDigit), parts[2].utf8.allSatisfy(isDigit),
            let year = Int(parts[1]), let sequence = Int(parts[2]),
            parts[2].utf8.count == CertificateNumber.sequenceDigits || parts[2].first != "0"
        else { return nil }
        self.init(year: year, sequence: sequence, prefix: String(parts[0]))
    }

    public var description: String {
        let digits = String(sequence)
        let padding = String(repeating: "0", count: max(0, CertificateNumber.sequenceDigits - digits.count))
        return "\(prefix)-\(year)-\(padding)\(digits)"
    }

    public static func < (lhs: CertificateNumber, rhs: CertificateNumber) -> Bool {
        (lhs.prefix, lhs.year, lhs.sequence) < (rhs.prefix, rhs.year, rhs.sequence)
    }

    static func isValidPrefix(_ prefix: String) -> Bool {
        (1...8).contains(prefix.utf8.count)
            && prefix.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
