/// A required coverage ratio between 0 and 1 with at most six decimals, held exactly as millionths
/// (never binary floating point: DOMAIN.md "in exact decimal arithmetic").
///
/// Parsed from the text of a JSON number (or a JSON string holding one): `0.6`, `1`, `0.56`, `1.0`, `6e-1`;
/// formatted back minimally: `0.6`, `1`, `0.56`.
public struct CoverageRatio: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Millionths in one whole.
    public static let scale: Int64 = 1_000_000
    public static let zero = CoverageRatio(exactMillionths: 0)
    public static let one = CoverageRatio(exactMillionths: scale)

    /// The ratio in millionths: 0…1,000,000.
    public let millionths: Int64

    /// Nil unless `millionths` is within 0…1,000,000.
    public init?(millionths: Int64) {
        guard (0...CoverageRatio.scale).contains(millionths) else { return nil }
        self.millionths = millionths
    }

    private init(exactMillionths: Int64) { millionths = exactMillionths }

    /// Parses JSON number text (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`) exactly.
    /// - Throws: `format` when not a JSON number, `precision` when it needs more than six decimals, `range` when
    ///   outside 0…1.
    public init(_ text: some StringProtocol, field: String = "ratio") throws(ValidationFailure) {
        guard let decimal = ExactDecimal(json: text) else {
            throw ValidationFailure(field: field, code: "format", message: "a ratio is a number from 0 to 1, e.g. 0.6")
        }
        guard decimal.isZero || !decimal.isNegative, decimal.isAtMost(millionths: CoverageRatio.scale)
        else { throw ValidationFailure(field: field, code: "range", message: "a ratio lies from 0 to 1") }
        guard let millionths = decimal.millionths else {
            throw ValidationFailure(field: field, code: "precision", message: "a ratio has at most six decimals")
        }
        self.millionths = millionths
    }

    /// The shortest decimal text: `0`, `1`, `0.6`, `0.56`, `0.000001`.
    public var description: String { DecimalText.minimal(millionths, scaleDigits: 6) }

    public static func < (lhs: CoverageRatio, rhs: CoverageRatio) -> Bool { lhs.millionths < rhs.millionths }
}
