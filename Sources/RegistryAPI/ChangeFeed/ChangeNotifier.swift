import Synchronization

/// Wakes long-polling `GET /v1/events` requests after a commit, without holding a thread per waiter: each waiter
/// is a suspended continuation, resumed by `notify()` (or by its task's cancellation).
///
/// A reader takes `generation` *before* it reads the feed and passes it to `waitForChange(after:)`; a commit in
/// between has already moved the generation on, so the wait returns at once and no wake-up is lost.
final class ChangeNotifier: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Counts commits seen so far.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Called after a commit: moves the generation on and resumes every waiter.
    func notify() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }

    /// Returns after a commit later than `generation`, after `timeout`, or when the task is cancelled.
    func waitForChange(after generation: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForChange(after: generation) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForChange(after generation: UInt64) async {
        let id = state.withLock { state in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != generation || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
