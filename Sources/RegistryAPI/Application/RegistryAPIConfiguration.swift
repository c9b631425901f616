import RegistryDomain

/// The API's settings. Every field has a default; the command line sets them from flags and `CQO_…` variables.
package struct RegistryAPIConfiguration: Sendable {
    /// Requests a second per token. The default is 1,000 (API.md, Conventions).
    package var rateLimitPerToken = 1_000
    /// Requests a second per client address without a valid token, failed authentications included.
    /// The default is 50.
    package var rateLimitPerAddress = 50
    /// How long an `Idempotency-Key`'s first response is kept. The default is 24 hours.
    package var idempotencyRetentionSeconds: Int64 = 24 * 3600
    /// *Assumption* (DOMAIN.md): days a CQO post may stay vacant before the enterprise's `vacancy` is shown as
    /// over its grace period. The default is 30.
    package var vacancyGracePeriodDays = 30
    /// The largest JSON request body accepted, in bytes; larger is 413 before it is read. The default is 1 MiB.
    package var jsonBodyLimit = 1024 * 1024
    /// Long-polls (`GET /v1/events?wait=`) one token may hold at once; one more is 429. The default is 4.
    package var longPollsPerToken = 4
    /// The largest appointment document (decision, commitment letter) accepted, in bytes. The default is 10 MiB.
    package var documentSizeLimit = 10 * 1024 * 1024
    /// *Assumption* (DOMAIN.md): the exam pass mark, 60 of 100 by default.
    package var examPolicy = ExamPolicy()
    /// *Assumption* (DOMAIN.md): certificate validity (3 years) and the continuing-education hours that renew it
    /// (24) by default.
    package var certificatePolicy = CertificatePolicy()
    /// The largest exam-results CSV accepted, in bytes. The default is 8 MiB (about 200,000 lines).
    package var examImportSizeLimit = 8 * 1024 * 1024
    /// The monotonic clock (seconds) the rate limiters refill by. Tests stop it; the default is the system's.
    package var rateLimitClock: @Sendable () -> Double = { RateLimiter.monotonicSeconds() }
    package init() {}
}
