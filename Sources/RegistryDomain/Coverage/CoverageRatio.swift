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

/// A decimal number read from JSON text: ±significand × 10^exponent, trailing zeros stripped.
struct ExactDecimal {
    var isNegative: Bool
    /// Significant digits without leading or trailing zeros ("" for zero).
    var digits: [UInt8]
    var exponent: Int

    var isZero: Bool { digits.isEmpty }

    init?(json text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { bytes = bytes.dropFirst() }
        let integer = bytes.prefix { isDigit($0) }
        guard !integer.isEmpty, integer.count == 1 || integer.first != UInt8(ascii: "0") else { return nil }
        bytes = bytes.dropFirst(integer.count)
        var fraction: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            fraction = bytes.dropFirst().prefix { isDigit($0) }
            guard !fraction.isEmpty else { return nil }
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        var exponent = 0
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            let negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let digits = bytes.prefix { isDigit($0) }
            guard !digits.isEmpty else { return nil }
            bytes = bytes.dropFirst(digits.count)
            // Beyond ±9999 the value is far outside any range we accept; clamp to keep arithmetic small.
            let magnitude = digits.reduce(0) { min($0 * 10 + Int($1 - UInt8(ascii: "0")), 99_999) }
            exponent = negative ? -magnitude : magnitude
        }
        guard bytes.isEmpty else { return nil }
        var all = Array(integer) + Array(fraction)
        exponent -= fraction.count
        while all.last == UInt8(ascii: "0") {
            all.removeLast()
            exponent += 1
        }
        while all.first == UInt8(ascii: "0") { all.removeFirst() }
        digits = all
        self.exponent = all.isEmpty ? 0 : exponent
    }

    /// The value in millionths when it is a whole number of millionths (and not enormous), else nil.
    var millionths: Int64? {
        let shift = exponent + 6
        guard shift >= 0, digits.count + shift <= 18 else { return digits.isEmpty ? 0 : nil }
        var value: Int64 = 0
        for digit in digits { value = value * 10 + Int64(digit - UInt8(ascii: "0")) }
        for _ in 0..<shift { value *= 10 }
        return isNegative ? -value : value
    }

    /// Whether |value| ≤ limit millionths, for any precision.
    func isAtMost(millionths limit: Int64) -> Bool {
        let limitDigits = String(limit).count  // digits of the limit, e.g. 7 for 1,000,000
        let magnitudeDigits = digits.count + exponent + 6  // digits before the millionths point
        if digits.isEmpty || magnitudeDigits < limitDigits { return true }
        if magnitudeDigits > limitDigits { return false }
        // Same number of integer millionth digits: compare the leading digits, then any remainder.
        let padding = Array(repeating: UInt8(ascii: "0"), count: max(0, limitDigits - digits.count))
        let value = (digits.prefix(limitDigits) + padding).reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        return value < limit || (value == limit && digits.count <= limitDigits)
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

/// Decimal text of scaled integers.
enum DecimalText {
    /// `value / 10^scaleDigits` with trailing fractional zeros removed: (600000, 6) → `0.6`.
    static func minimal(_ value: Int64, scaleDigits: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scaleDigits { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: scaleDigits - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
