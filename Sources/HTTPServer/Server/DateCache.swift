import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once per second.
final class DateCache: Sendable {
    private let cached = Mutex<(second: Int, text: String)>((-1, ""))

    /// The current date as `Sun, 06 Nov 1994 08:49:37 GMT`.
    var current: String {
        let now = time(nil)
        return cached.withLock { cache in
            if cache.second != now {
                cache = (now, DateCache.format(now))
            }
            return cache.text
        }
    }

    static func format(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = days[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
