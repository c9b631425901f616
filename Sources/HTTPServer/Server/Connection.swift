import HTTP1
import Sockets

/// One client connection: its transport, decoder and output, and the state machine that decides what happens
/// to them. Owned by its event loop thread and touched by nothing else.
final class Connection {
    let id: UInt64
    var transport: ConnectionTransport
    let remoteAddress: String
    var decoder: RequestDecoder
    var output = OutputQueue()
    var state: ConnectionStateMachine
    /// The request whose body is arriving (or whose head the responder refused).
    var pending: PendingRequest?
    /// Stream writers waiting for the output to drain.
    var flushWaiters: [CheckedContinuation<Void, any Error>] = []

    init(
        id: UInt64, transport: ConnectionTransport, remoteAddress: String, limits: RequestDecoder.Limits,
        timeouts: ConnectionStateMachine.Timeouts, now: UInt64
    ) {
        self.id = id
        self.transport = transport
        self.remoteAddress = remoteAddress
        self.decoder = RequestDecoder(limits: limits)
        self.state = ConnectionStateMachine(timeouts: timeouts, isSecure: transport.isSecure, now: now)
    }

    /// Queues bytes to write and tells the state machine.
    func queue(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        output.append(bytes)
        state.outputQueued()
    }
}

/// A request between its head and its end: what the loop built from the head and what the responder said of it.
struct PendingRequest {
    var head: RequestHead
    /// The request without its body (`RequestTask.request(for:)`), `admission` set when admitted.
    var request: HTTPRequest
    var codedIfNoneMatch: String?
    /// The responder's refusal, answered when the (empty) body ends.
    var refusal: HTTPResponse?
}
