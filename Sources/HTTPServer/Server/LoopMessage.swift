import Sockets
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
    /// A handler task's job to run on the loop thread.
    case run(UnownedJob)
    /// A connection another loop accepted, for this loop to serve (round-robin balance).
    case adopt(Socket, SocketAddress)
}

/// The connection a message was meant for is closed.
struct ConnectionClosedError: Error {}

/// A queue of messages into one loop, and the eventfd wake-up that goes with it.
///
/// The eventfd is written only while the loop sleeps (or is about to) in `epoll_wait`: a loop that is busy
/// reads the queue before it sleeps again, so most responses under load cost no wake-up syscall.
final class Mailbox: Sendable {
    private let queue = Mutex<(messages: [LoopMessage], closed: Bool)>(([], false))
    private let wakePending = Atomic<Bool>(false)
    /// True from just before the loop's `epoll_wait` until it returns.
    private let polling = Atomic<Bool>(false)
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
            Mailbox.dispose(message)
            return
        }
        // Dekker-style with `prepareToPoll`: either the poster sees `polling` or the loop sees the message.
        if polling.load(ordering: .sequentiallyConsistent),
            !wakePending.exchange(true, ordering: .acquiringAndReleasing)
        {
            wake()
        }
    }

    /// Called by the loop just before `epoll_wait`. False when messages are already waiting (do not sleep).
    func prepareToPoll() -> Bool {
        polling.store(true, ordering: .sequentiallyConsistent)
        let empty = queue.withLock { $0.messages.isEmpty }
        if !empty { polling.store(false, ordering: .sequentiallyConsistent) }
        return empty
    }

    /// Called by the loop when `epoll_wait` returns.
    func finishedPolling() {
        polling.store(false, ordering: .sequentiallyConsistent)
    }

    /// Takes every queued message (the loop calls this after a wake-up).
    func take(into messages: inout [LoopMessage]) {
        wakePending.store(false, ordering: .releasing)
        queue.withLock { swap(&$0.messages, &messages) }
    }

    /// Settles a message the loop will never see: a waiting writer fails, a job runs on the global executor.
    static func dispose(_ message: LoopMessage) {
        switch message {
        case .write(_, _, _, _, _, let flushed?): flushed.resume(throwing: ConnectionClosedError())
        case .run(let job): globalConcurrentExecutor.enqueue(ExecutorJob(job))
        case .adopt(let socket, _): socket.close()
        default: break
        }
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
