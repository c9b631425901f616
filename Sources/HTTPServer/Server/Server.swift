import Logging
import Sockets
import Synchronization

/// An HTTP/1.1 server on our own epoll event loops. It knows nothing of the application it serves:
/// it asks an `HTTPResponder` to admit each request's head before reading its body (`admit`: how large a body,
/// or a refusal sent at once), hands it each complete request and writes back what that returns.
///
/// How it works: `workerCount` event-loop threads (one per core) share the listening socket (`EPOLLEXCLUSIVE`)
/// and own their connections, which are non-blocking and edge-triggered. A loop reads, decodes with
/// `HTTP1.RequestDecoder`, enforces limits and timeouts (each connection's `ConnectionStateMachine` decides what
/// happens next), and hands each complete request to a handler task that runs on that same loop thread (no thread
/// hop, as SwiftNIO's event loops run handlers; blocking work goes to `BlockingWork`). Requests of one connection
/// are handled one at a time, in order.
/// Responses come back through the loop's mailbox (a mutex-protected queue, plus an eventfd write only when the
/// loop sleeps) and leave in one `sendmsg`. An idle connection costs well under 1 KiB of heap and no thread.
///
/// ```swift
/// let server = Server(configuration: .init(host: "127.0.0.1", port: 0), responder: router, logger: logger)
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await server.run() }    // cancellation = graceful shutdown
///     let port = try await server.listeningPort()
///     ...
///     group.cancelAll()
/// }
/// ```
package final class Server: Sendable {
    private enum ListenState {
        case notStarted(waiters: [CheckedContinuation<Int, any Error>])
        case listening(port: Int)
        case failed(any Error)
        case stopped
    }

    private let configuration: Configuration
    private let responder: any HTTPResponder
    private let logger: Logger
    private let listenState = Mutex<ListenState>(.notStarted(waiters: []))
    private let started = Atomic<Bool>(false)
    private let stopRequested = OneShotSignal()
    private let stopped = OneShotSignal()

    /// Makes a server; nothing happens until `run()`.
    /// - Parameters:
    ///   - configuration: address, limits, timeouts, TLS.
    ///   - responder: turns each request into a response (a `Router`, usually).
    ///   - logger: receives the access log (info) and server errors.
    package init(configuration: Configuration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds, listens and serves until the calling task is cancelled or `shutdown()` is called; then shuts down
    /// gracefully: stops accepting, lets in-flight requests finish within `shutdownGracePeriod`, closes every
    /// connection, and returns.
    /// - Throws: `SocketError` when the address cannot be bound, `ServerError` for TLS or thread failures.
    package func run() async throws {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { throw ServerError.alreadyRunning }
        defer { stopped.fire() }
        ResourceLimits.raiseOpenFileLimit()
        ResourceLimits.ignoreBrokenPipeSignal()
        let listener: Socket
        let loops: [EventLoop]
        let allExited = OneShotSignal()
        do {
            let tls = try configuration.tls.map { configuration throws(ServerError) in
                try TLSContext(configuration: configuration)
            }
            listener = try Socket.listen(
                host: configuration.host, port: configuration.port, backlog: Int32(clamping: configuration.backlog))
            let port = try listener.localAddress().port
            let context = ServerContext(configuration: configuration, responder: responder, logger: logger, tls: tls)
            let remaining = Atomic<Int>(configuration.effectiveWorkerCount)
            loops = try (0..<configuration.effectiveWorkerCount).map { index in
                try EventLoop(name: "http-loop-\(index)", listener: listener, context: context) {
                    if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { allExited.fire() }
                }
            }
            let mailboxes = loops.map(\.mailbox)
            for loop in loops { loop.siblings = mailboxes }
            for loop in loops { try loop.start() }
            markListening(port: port)
            logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
            await withTaskCancellationHandler {
                await stopRequested.wait()
            } onCancel: {
                stopRequested.fire()
            }
            context.draining.store(true, ordering: .releasing)
            listener.shutdownBoth()  // stop accepting now; loops deregister it when they see the drain
            logger.info("shutting down", metadata: ["grace_period": "\(configuration.shutdownGracePeriod)"])
        } catch {
            markFailed(error)
            throw error
        }
        let deadline = ResourceLimits.monotonicNanoseconds() + configuration.shutdownGracePeriod.nanoseconds
        for loop in loops { loop.mailbox.post(.drain(deadline: deadline)) }
        await allExited.wait()
        listener.close()
        listenState.withLock { $0 = .stopped }
        logger.info("stopped")
    }

    /// Waits until the server listens and returns the bound port (the kernel's choice when `port` was 0).
    /// - Throws: the error that stopped `run()` before it listened, or `ServerError.notListening` once stopped.
    package func listeningPort() async throws -> Int {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let result = listenState.withLock { state -> Result<Int, any Error>? in
                switch state {
                case .notStarted(var waiters):
                    waiters.append(continuation)
                    state = .notStarted(waiters: waiters)
                    return nil
                case .listening(let port): return .success(port)
                case .failed(let error): return .failure(error)
                case .stopped: return .failure(ServerError.notListening)
                }
            }
            if let result { continuation.resume(with: result) }
        }
    }

    /// Asks a running server to stop gracefully and waits until `run()` has returned.
    package func shutdown() async {
        stopRequested.fire()
        guard started.load(ordering: .acquiring) else { return }
        await stopped.wait()
    }

    private func markListening(port: Int) {
        let waiters = listenState.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard case .notStarted(let waiters) = state else { return [] }
            state = .listening(port: port)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    private func markFailed(_ error: any Error) {
        let waiters = listenState.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard case .notStarted(let waiters) = state else { return [] }
            state = .failed(error)
            return waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}
