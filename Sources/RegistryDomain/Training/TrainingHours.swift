/// A number of training hours, exact to a tenth of an hour (6 minutes), held as tenths.
///
/// Parsed from the text of a JSON number (`16`, `7.5`, `1.25e1`); formatted minimally (`16`, `7.5`).
public struct TrainingHours: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// *Assumption*: the most hours one session or attendance may record. The default is 1,000.
    public static let maximumTenths: Int64 = 10_000

    public let tenths: Int64

    /// Nil unless 0 < `tenths` ≤ 10,000.
    public init?(tenths: Int64) {
        guard tenths > 0, tenths <= TrainingHours.maximumTenths else { return nil }
        self.tenths = tenths
    }

    /// - Throws: `format` (not a JSON number), `precision` (finer than a tenth), `range` (not above 0 or above
    ///   1,000) on `field`.
    public init(_ text: some StringProtocol, field: String = "hours") throws(ValidationFailure) {
        guard let decimal = ExactDecimal(json: text) else {
            throw ValidationFailure(field: field, code: "format", message: "hours is a number such as 16 or 7.5")
        }
        guard !decimal.isZero, !decimal.isNegative, decimal.isAtMost(millionths: 1_000 * 1_000_000) else {
            throw ValidationFailure(field: field, code: "range", message: "hours lies above 0 and at most 1000")
        }
        guard let millionths = decimal.millionths, millionths % 100_000 == 0,
            let hours = TrainingHours(tenths: millionths / 100_000)
        else {
            throw ValidationFailure(field: field, code: "precision", message: "hours has at most one decimal")
        }
        self = hours
    }

    public var description: String { DecimalText.minimal(tenths, scaleDigits: 1) }

    public static func < (lhs: TrainingHours, rhs: TrainingHours) -> Bool { lhs.tenths < rhs.tenths }
}
