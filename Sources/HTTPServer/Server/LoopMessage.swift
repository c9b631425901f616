import Synchronization

/// What request tasks and the server tell an event loop.
enum LoopMessage: Sendable {
    /// Bytes for a connection. `last` ends the current response; `close` closes after it;
    /// `flushed` resumes once the bytes are handed to the kernel (or fails if the connection is gone).
    case write(
        connection: UInt64, bytes: [UInt8], body: [UInt8], last: Bool, close: Bool,
        flushed: CheckedContinuation<Void, any Error>?)
    /// Stop accepting; close idle connections; cut the rest at `deadline` (monotonic ns).
    case drain(deadline: UInt64)
}

/// The connection a message was meant for is closed.
struct ConnectionClosedError: Error {}

/// A queue of messages into one loop, and the eventfd wake-up that goes with it.
final class Mailbox: Sendable {
    private let queue = Mutex<(messages: [LoopMessage], closed: Bool)>(([], false))
    private let wakePending = Atomic<Bool>(false)
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    /// Queues `message`, waking the loop unless a wake-up is already on its way.
    func post(_ message: LoopMessage) {
        let accepted = queue.withLock { queue -> Bool in
            guard !queue.closed else { return false }
            queue.messages.append(message)
            return true
        }
        guard accepted else {
            if case .write(_, _, _, _, _, let flushed?) = message { flushed.resume(throwing: ConnectionClosedError()) }
            return
        }
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) { wake() }
    }

    /// Takes every queued message (the loop calls this after a wake-up).
    func take(into messages: inout [LoopMessage]) {
        wakePending.store(false, ordering: .releasing)
        queue.withLock { swap(&$0.messages, &messages) }
    }

    /// Refuses further messages (the loop has stopped) and returns what was still queued.
    func close() -> [LoopMessage] {
        queue.withLock { queue in
            queue.closed = true
            defer { queue.messages = [] }
            return queue.messages
        }
    }
}
