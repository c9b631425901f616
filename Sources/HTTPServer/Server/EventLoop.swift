import HTTP1
import Logging
import Sockets
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One event loop: an OS thread that owns a set of non-blocking connections and multiplexes them with epoll.
///
/// Complete requests go to handler tasks; their responses come back through the `Mailbox`. Only the loop's
/// thread touches its connections, so they need no locks.
final class EventLoop: @unchecked Sendable {
    // @unchecked Sendable: the loop is handed to its thread once, in `start()`; from then on only that thread
    // touches its mutable state. Other threads use only `mailbox` (Sendable) and `poller.wake()` (a syscall).

    static let listenerToken = UInt64.max - 1
    /// A stream writer waits while more than this is queued for its connection.
    static let highWater = 256 * 1024

    let name: String
    let poller: Poller
    let mailbox: Mailbox
    let context: ServerContext
    let listener: Socket
    private let onExit: @Sendable () -> Void

    var connections: [UInt64: Connection] = [:]
    var nextID: UInt64 = 1
    var now: UInt64
    var nextScan: UInt64
    var draining = false
    var drainDeadline: UInt64 = 0
    var stopped = false
    let readBuffer: UnsafeMutableRawBufferPointer
    var messages: [LoopMessage] = []
    /// Handler jobs to run on this thread, and the batch being run.
    var localJobs: [UnownedJob] = []
    var runningJobs: [UnownedJob] = []
    /// The loop thread's pthread_t, for `isLoopThread`.
    let loopThread = Atomic<UInt>(0)
    /// Every loop's mailbox (this one's included), set before the threads start; new connections are spread
    /// over them.
    var siblings: [Mailbox] = []
    var nextTarget = 0
    /// A spare descriptor, closed to accept and drop a connection when the process runs out (EMFILE).
    var reserveDescriptor: Int32 = -1

    init(name: String, listener: Socket, context: ServerContext, onExit: @escaping @Sendable () -> Void)
        throws(SocketError)
    {
        let poller = try Poller()
        self.name = name
        self.poller = poller
        self.mailbox = Mailbox(wake: { poller.wake() })
        self.context = context
        self.listener = listener
        self.onExit = onExit
        self.readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        self.now = ResourceLimits.monotonicNanoseconds()
        self.nextScan = now + context.scanInterval
        try poller.register(listener.fileDescriptor, token: EventLoop.listenerToken, events: [.readable, .exclusive])
        reserveDescriptor = EventLoop.openReserve()
    }

    deinit { readBuffer.deallocate() }

    /// Starts the loop's thread.
    func start() throws(ServerError) {
        try LoopThread.start(name: name) { self.run() }
    }

    private func run() {
        loopThread.store(UInt(pthread_self()), ordering: .relaxed)
        let events = EventBuffer(capacity: 512)
        while !stopped {
            var timeout = nextScan > now ? Int32(clamping: (nextScan - now) / 1_000_000 + 1) : 0
            if !mailbox.prepareToPoll() { timeout = 0 }
            let count: Int
            do {
                count = try poller.wait(into: events, timeoutMilliseconds: timeout)
                mailbox.finishedPolling()
            } catch {
                context.logger.critical("event loop failed", metadata: ["error": "\(error)"])
                break
            }
            now = ResourceLimits.monotonicNanoseconds()
            for index in 0..<count {
                let event = events[index]
                switch event.token {
                case Poller.wakeToken: poller.acknowledgeWake()
                case EventLoop.listenerToken: acceptConnections()
                default:
                    guard let connection = connections[event.token] else { continue }
                    connection.state.readiness(
                        readable: !event.events.isDisjoint(with: [.readable, .error]),
                        writable: event.events.contains(.writable),
                        hangUp: !event.events.isDisjoint(with: [.readHangUp, .hangUp]))
                    service(connection)
                }
            }
            processMessages()
            while !localJobs.isEmpty {
                runLocalJobs()
                processMessages()
            }
            if now >= nextScan {
                scanDeadlines()
                nextScan = now + context.scanInterval
            }
            if draining && connections.isEmpty { stopped = true }
        }
        finish()
    }

    private func processMessages() {
        mailbox.take(into: &messages)
        for message in messages {
            switch message {
            case .write(let id, let bytes, let body, let last, let close, let flushed):
                guard let connection = connections[id] else {
                    flushed?.resume(throwing: ConnectionClosedError())
                    continue
                }
                connection.queue(bytes)
                connection.queue(body)
                if let flushed { connection.flushWaiters.append(flushed) }
                if last {
                    connection.state.responseFinished(
                        close: close || draining, moreBuffered: connection.decoder.bufferedByteCount > 0, now: now)
                }
                service(connection)
            case .drain(let deadline):
                beginDrain(deadline: deadline)
            case .run(let job):
                localJobs.append(job)
            case .adopt(let socket, let address):
                adopt(socket, address: address)
            }
        }
        messages.removeAll(keepingCapacity: true)
    }

    private func beginDrain(deadline: UInt64) {
        guard !draining else { return }
        draining = true
        drainDeadline = deadline
        poller.deregister(listener.fileDescriptor)  // harmless if already gone
        for connection in Array(connections.values) where connection.state.shutdownRequested() { close(connection) }
    }

    /// Closes everything left and tells the server this loop is done.
    private func finish() {
        for connection in Array(connections.values) { close(connection) }
        for message in mailbox.close() { Mailbox.dispose(message) }
        for job in localJobs { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
        localJobs = []
        poller.close()
        if reserveDescriptor >= 0 { Socket(fileDescriptor: reserveDescriptor).close() }
        onExit()
    }
}
