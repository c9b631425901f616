/// Decimal text of scaled integers, written digit by digit (a coverage answer writes hundreds of ratios).
enum DecimalText {
    /// `value / 10^scaleDigits` with trailing fractional zeros removed: (600000, 6) → `0.6`.
    static func minimal(_ value: Int64, scaleDigits: Int) -> String {
        var digits: [UInt8] = []
        var magnitude = value.magnitude
        // Fraction digits from the last, dropping trailing zeros until the first non-zero one.
        var significant = false
        for _ in 0..<max(0, scaleDigits) {
            let digit = UInt8(magnitude % 10)
            magnitude /= 10
            significant = significant || digit != 0
            if significant { digits.append(UInt8(ascii: "0") + digit) }
        }
        if significant { digits.append(UInt8(ascii: ".")) }
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { digits.append(UInt8(ascii: "-")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }
}
