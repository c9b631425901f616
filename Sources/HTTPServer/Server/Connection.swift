import HTTP1
import Sockets

/// One client connection's state. Owned by its event loop thread and touched by nothing else.
final class Connection {
    /// Where the connection is between requests; each phase has its own deadline.
    enum Phase {
        /// Waiting for the first byte of a request (idle timeout).
        case idle
        /// A head has begun (head timeout).
        case head
        /// A body is arriving (minimum rate after the grace period).
        case body
        /// A request is with the handler; its response is being produced or written.
        case handling
        /// The last response is written; reading and discarding until the client closes (lingering close).
        case lingering
    }

    let id: UInt64
    var transport: ConnectionTransport
    let remoteAddress: String
    var decoder: RequestDecoder
    var output = OutputQueue()
    var phase = Phase.idle
    /// When the current phase began (monotonic ns).
    var phaseStart: UInt64
    /// When writing last stopped for want of room, or 0.
    var writeStalledSince: UInt64 = 0
    /// Edge-triggered readiness not yet used up (read until `EAGAIN`).
    var canRead = false
    var canWrite = true
    /// The client sent FIN.
    var readClosed = false
    /// epoll reported the FIN (`EPOLLRDHUP`): read on to the end even after a short read, since no new edge
    /// will come for it.
    var hangUpSignalled = false
    /// Close once the output is written (an error response, `Connection: close`, shutdown).
    var closeWhenFlushed = false
    /// The head of the request whose body is arriving.
    var pendingHead: RequestHead?
    /// Stream writers waiting for the output to drain.
    var flushWaiters: [CheckedContinuation<Void, any Error>] = []

    init(id: UInt64, transport: ConnectionTransport, remoteAddress: String, limits: RequestDecoder.Limits, now: UInt64)
    {
        self.id = id
        self.transport = transport
        self.remoteAddress = remoteAddress
        self.decoder = RequestDecoder(limits: limits)
        self.phaseStart = now
    }

    var isIdle: Bool { phase == .idle && output.isEmpty }

    func enter(_ phase: Phase, at now: UInt64) {
        self.phase = phase
        phaseStart = now
    }
}
