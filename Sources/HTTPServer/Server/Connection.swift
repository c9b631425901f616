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
    /// The head of the request whose body is arriving.
    var pendingHead: RequestHead?
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
