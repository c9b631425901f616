import Synchronization

/// Wakes long-polling `GET /v1/events` requests after a commit, without holding a thread per waiter: each waiter
/// is a suspended continuation, resumed by `notify()` (or by its task's cancellation).
///
/// A reader takes `generation` *before* it reads the feed and passes it to `waitForChange(after:)`; a commit in
/// between has already moved the generation on, so the wait returns at once and no wake-up is lost.
final class ChangeNotifier: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var closed = false
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Counts commits seen so far.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// True once the server is shutting down: waits end at once, so that long-polls answer before the grace
    /// period runs out instead of being cut off.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Ends every wait, now and later (graceful shutdown).
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }

    /// Called after a commit: moves the generation on and resumes every waiter.
    func notify() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }

    /// Returns after a commit later than `generation` (true), at shutdown (true), after `timeout` (false), or when
    /// the task is cancelled (false).
    @discardableResult
    func waitForChange(after generation: UInt64, timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.waitForChange(after: generation)
                return !Task.isCancelled
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let woken = await group.next() ?? false
            group.cancelAll()
            return woken
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
                    if state.generation != generation || state.closed || Task.isCancelled { return true }
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
