import RegistryDomain

/// Fixed-width integer codes for the coverage index, chosen so that "starts with prefix p" is a range test.
///
/// A division code of up to 12 digits is read as 12 base-11 positions, digit d as d + 1 and an absent position
/// as 0. Every code starting with p (length L) then lies in `[code(p), code(p) + 11^(12−L))`, and no other code
/// does (a shorter code that p extends sorts below). An industry code (a section letter and up to four digits)
/// is encoded the same way with the letter (A = 1 … Z = 26) as its top position.
enum CoverageCodes {
    static let regionDigits = 12
    static let industryDigits = 4

    /// 11^0 … 11^12.
    static let powers: [UInt64] = (0...12).map { exponent in (0..<exponent).reduce(UInt64(1)) { value, _ in value * 11 } }

    @inline(__always) static func power(_ exponent: Int) -> UInt64 { powers[max(0, min(exponent, 12))] }

    /// The code of a division code or prefix; nil unless 1–12 digits.
    static func region(_ text: some StringProtocol) -> UInt64? {
        let bytes = Array(text.utf8)
        guard (1...regionDigits).contains(bytes.count) else { return nil }
        var value: UInt64 = 0
        for position in 0..<regionDigits {
            value *= 11
            if position < bytes.count {
                let byte = bytes[position]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value += UInt64(byte - UInt8(ascii: "0")) + 1
            }
        }
        return value
    }

    /// The codes of every division code that `prefix` (of `length` digits) starts.
    static func regionRange(_ prefix: RegionCode) -> Range<UInt64> {
        let low = region(prefix.value) ?? 0
        return low..<(low + power(regionDigits - prefix.value.utf8.count))
    }

    /// The digits of a region code cut to `length` positions.
    static func regionText(_ code: UInt64, length: Int) -> String {
        var digits: [UInt8] = []
        for position in 0..<min(length, regionDigits) {
            let place = (code / power(regionDigits - 1 - position)) % 11
            if place == 0 { break }
            digits.append(UInt8(ascii: "0") + UInt8(place - 1))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The code of an industry code or prefix (`C`, `C38`, `C3857`); nil when not of that shape.
    static func industry(_ text: some StringProtocol) -> UInt64? {
        let bytes = Array(text.utf8)
        guard let letter = bytes.first, letter >= UInt8(ascii: "A"), letter <= UInt8(ascii: "Z"),
            bytes.count <= industryDigits + 1
        else { return nil }
        var value = UInt64(letter - UInt8(ascii: "A")) + 1
        for position in 1...industryDigits {
            value *= 11
            if position < bytes.count {
                let byte = bytes[position]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value += UInt64(byte - UInt8(ascii: "0")) + 1
            }
        }
        return value
    }

    static func industryRange(_ prefix: IndustryCode) -> Range<UInt64> {
        let low = industry(prefix.value) ?? 0
        return low..<(low + power(industryDigits + 1 - prefix.value.utf8.count))
    }

    static func industryText(_ code: UInt64) -> String {
        var text = ""
        let letter = code / power(industryDigits)
        guard letter > 0 else { return text }
        text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(letter - 1)))
        for position in 1...industryDigits {
            let place = (code / power(industryDigits - position)) % 11
            if place == 0 { break }
            text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(place - 1)))
        }
        return text
    }

    /// Days since 1970-01-01 of a stored `YYYY-MM-DD`, or `absent` when there is none.
    static func day(_ text: String?, absent: Int32) -> Int32 {
        guard let text, let date = CivilDate(text) else { return absent }
        return Int32(clamping: date.daysSinceEpoch)
    }
}
