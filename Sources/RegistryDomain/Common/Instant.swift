/// A moment in time: whole milliseconds since 1970-01-01T00:00:00Z (leap seconds ignored, as POSIX time does).
///
/// The domain has no clock: an instant is always handed in (the API reads the clock once per request).
/// On the wire an instant is RFC 3339 in UTC: `2025-03-01T08:30:00Z`, or `2025-03-01T08:30:00.123Z` when it has
/// milliseconds. Civil dates of the registry are China Standard Time (UTC+8, no daylight saving).
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let millisecondsPerDay: Int64 = 86_400_000
    /// China Standard Time's offset from UTC: +8 hours.
    public static let chinaStandardTimeOffsetMilliseconds: Int64 = 8 * 3_600_000

    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    /// The instant at `hour:minute:second.millisecond` UTC on `date`.
    public init(utc date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        millisecondsSinceEpoch = seconds * 1_000 + Int64(millisecond)
    }

    /// The civil date at this instant in UTC+`offsetMilliseconds`.
    public func civilDate(offsetMilliseconds: Int64) -> CivilDate {
        let local = millisecondsSinceEpoch + offsetMilliseconds
        let days = local >= 0 ? local / Instant.millisecondsPerDay : (local + 1) / Instant.millisecondsPerDay - 1
        return CivilDate(daysSinceEpoch: Int(days))
    }

    /// The civil date at this instant in China Standard Time (UTC+8): what "today" means to the registry.
    public var civilDateInChina: CivilDate {
        civilDate(offsetMilliseconds: Instant.chinaStandardTimeOffsetMilliseconds)
    }

    /// The instant `milliseconds` later.
    public func adding(milliseconds: Int64) -> Instant {
        Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    /// RFC 3339 in UTC: `2025-03-01T08:30:00Z`, with `.mmm` only when the milliseconds are not zero.
    public var description: String {
        let date = civilDate(offsetMilliseconds: 0)
        let ofDay = millisecondsSinceEpoch - Int64(date.daysSinceEpoch) * Instant.millisecondsPerDay
        let seconds = Int(ofDay / 1_000)
        let milliseconds = Int(ofDay % 1_000)
        var text = "\(date)T\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if milliseconds != 0 { text += ".\(pad(milliseconds, 3))" }
        return text + "Z"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
