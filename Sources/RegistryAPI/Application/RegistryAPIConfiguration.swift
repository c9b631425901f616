/// The API's settings. Every field has a default; the command line sets them from flags and `CQO_…` variables.
package struct RegistryAPIConfiguration: Sendable {
    /// Requests a second per token. The default is 1,000 (API.md, Conventions).
    package var rateLimitPerToken = 1_000
    /// Requests a second per client address without a valid token, failed authentications included.
    /// The default is 50.
    package var rateLimitPerAddress = 50
    /// How long an `Idempotency-Key`'s first response is kept. The default is 24 hours.
    package var idempotencyRetentionSeconds: Int64 = 24 * 3600
    /// The monotonic clock (seconds) the rate limiters refill by. Tests stop it; the default is the system's.
    package var rateLimitClock: @Sendable () -> Double = { RateLimiter.monotonicSeconds() }
    package init() {}
}
