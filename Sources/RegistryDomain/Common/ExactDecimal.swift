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
