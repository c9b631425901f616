import HTTPServer
import Logging
import RegistryDomain
import Synchronization

/// What every controller shares: storage, clock, authentication, limits. Built once per server.
final class Services: Sendable {
    let storage: any RegistryStorage
    let clock: RegistryClock
    let configuration: RegistryAPIConfiguration
    let authenticator: Authenticator
    let tokenLimiter: RateLimiter
    let addressLimiter: RateLimiter
    let isReady: @Sendable () -> Bool
    let logger: Logger
    let rejections = RejectionCounters()
    /// Wakes long-polling change-feed readers after a commit.
    let changes: ChangeNotifier

    init(
        storage: any RegistryStorage, clock: RegistryClock, configuration: RegistryAPIConfiguration,
        isReady: @escaping @Sendable () -> Bool, logger: Logger
    ) {
        self.storage = storage
        self.clock = clock
        self.configuration = configuration
        self.authenticator = Authenticator(storage: storage, clock: clock)
        self.tokenLimiter = RateLimiter(perSecond: configuration.rateLimitPerToken, now: configuration.rateLimitClock)
        self.addressLimiter = RateLimiter(
            perSecond: configuration.rateLimitPerAddress, now: configuration.rateLimitClock)
        self.isReady = isReady
        self.logger = logger
        self.changes = ChangeNotifier(longPollsPerToken: configuration.longPollsPerToken)
    }
}

/// How many requests access control turned away, for `/metrics`.
final class RejectionCounters: Sendable {
    private let counts = Mutex((rateLimited: 0, unauthenticated: 0))
    var rateLimited: Int { counts.withLock { $0.rateLimited } }
    var unauthenticated: Int { counts.withLock { $0.unauthenticated } }
    func countRateLimited() { counts.withLock { $0.rateLimited += 1 } }
    func countUnauthenticated() { counts.withLock { $0.unauthenticated += 1 } }
}

/// One authenticated request as a handler sees it.
struct RequestContext: Sendable {
    let request: HTTPRequest
    let parameters: RouteParameters
    let caller: Caller
    /// Today in China Standard Time, fixed for the whole request.
    let today: CivilDate
    /// The request's instant, RFC 3339 UTC.
    let now: String
}
