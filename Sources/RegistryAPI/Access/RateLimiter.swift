import Foundation
import Synchronization

/// Token-bucket rate limits by key (a token id, or a client address), answering how long to wait when empty.
///
/// Each key holds up to `perSecond` requests and refills at `perSecond` a second. Keys idle for a minute are
/// dropped when the table grows, so a flood of addresses cannot grow memory without bound.
package final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private let perSecond: Double
    private let buckets = Mutex<[String: Bucket]>([:])
    private let now: @Sendable () -> Double
    /// Past this many keys, idle ones are swept. The default is 100,000.
    private let sweepThreshold: Int

    init(
        perSecond: Int, sweepThreshold: Int = 100_000,
        now: @escaping @Sendable () -> Double = RateLimiter.monotonicSeconds
    ) {
        self.perSecond = Double(max(1, perSecond))
        self.sweepThreshold = sweepThreshold
        self.now = now
    }

    /// Takes one request from `key`'s bucket: nil when allowed, else the whole seconds to wait (≥ 1).
    func admit(_ key: String) -> Int? {
        let time = now()
        let rate = perSecond
        let threshold = sweepThreshold
        return buckets.withLock { table -> Int? in
            var bucket = table[key] ?? Bucket(tokens: rate, updated: time)
            bucket.tokens = min(rate, bucket.tokens + (time - bucket.updated) * rate)
            bucket.updated = time
            defer {
                table[key] = bucket
                if table.count > threshold { table = table.filter { time - $0.value.updated < 60 } }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    package static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
