import HTTP1
import Logging
import Synchronization

/// What every event loop and request task of one server shares. Immutable apart from its atomics.
final class ServerContext: Sendable {
    let configuration: Server.Configuration
    let responder: any HTTPResponder
    let logger: Logger
    let limits: RequestDecoder.Limits
    let dates = DateCache()
    let requestIDs = RequestIDGenerator()
    /// Open connections across all loops (the cap counts these).
    let connectionCount = Atomic<Int>(0)
    /// Set when shutdown begins: responses then carry `Connection: close`.
    let draining = Atomic<Bool>(false)
    let tls: TLSContext?

    // Timeouts in nanoseconds, converted once.
    let headTimeout: UInt64
    let bodyGracePeriod: UInt64
    let idleTimeout: UInt64
    let writeTimeout: UInt64
    /// The timeouts each connection's state machine enforces.
    let timeouts: ConnectionStateMachine.Timeouts
    /// How often a loop looks at its connections' deadlines.
    let scanInterval: UInt64

    init(configuration: Server.Configuration, responder: any HTTPResponder, logger: Logger, tls: TLSContext?) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.limits = configuration.decoderLimits
        self.tls = tls
        headTimeout = configuration.headTimeout.nanoseconds
        bodyGracePeriod = configuration.bodyGracePeriod.nanoseconds
        idleTimeout = configuration.idleTimeout.nanoseconds
        writeTimeout = configuration.writeTimeout.nanoseconds
        timeouts = ConnectionStateMachine.Timeouts(
            head: headTimeout, bodyGracePeriod: bodyGracePeriod, bodyMinimumRate: configuration.bodyMinimumRate,
            idle: idleTimeout, write: writeTimeout)
        let shortest = [headTimeout, bodyGracePeriod, idleTimeout, writeTimeout].min() ?? 1_000_000_000
        scanInterval = min(max(shortest / 8, 5_000_000), 500_000_000)
    }

    var isDraining: Bool { draining.load(ordering: .relaxed) }
}
