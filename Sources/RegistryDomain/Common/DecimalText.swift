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
