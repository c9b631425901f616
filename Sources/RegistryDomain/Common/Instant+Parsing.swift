extension Instant {
    /// Parses an RFC 3339 `date-time` (RFC 3339 §5.6): `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    ///
    /// `T` and `Z` may be lowercase (RFC 3339 §5.6 note). A fraction of any length is truncated to milliseconds
    /// (toward the past). A leap second (`:60`) is refused, as are offsets beyond ±23:59. Nil when not RFC 3339.
    public init?(rfc3339 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = digits(bytes, 11..<13), let minute = digits(bytes, 14..<16), let second = digits(bytes, 17..<19),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var millisecond = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) {
                if index - start < 3 { millisecond = millisecond * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
            let count = index - start
            guard count > 0 else { return nil }
            for _ in count..<max(count, 3) { millisecond *= 10 }
        }
        guard let offsetMinutes = Instant.offsetMinutes(bytes[index...]) else { return nil }
        self = Instant(utc: date, hour: hour, minute: minute, second: second, millisecond: millisecond)
            .adding(milliseconds: -Int64(offsetMinutes) * 60_000)
    }

    /// `Z`/`z` → 0; `±HH:MM` → signed minutes; otherwise nil.
    private static func offsetMinutes(_ bytes: ArraySlice<UInt8>) -> Int? {
        let rest = Array(bytes)
        if rest == [UInt8(ascii: "Z")] || rest == [UInt8(ascii: "z")] { return 0 }
        guard rest.count == 6, rest[0] == UInt8(ascii: "+") || rest[0] == UInt8(ascii: "-"),
            rest[3] == UInt8(ascii: ":"),
            let hours = digits(rest, 1..<3), let minutes = digits(rest, 4..<6), hours < 24, minutes < 60
        else { return nil }
        return (rest[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var value = 0
    for index in range {
        guard isDigit(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
    }
    return value
}
