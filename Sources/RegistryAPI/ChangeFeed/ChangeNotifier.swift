import RegistryDomain
import Synchronization

/// Wakes long-polling `GET /v1/events` requests after a commit, without holding a thread per waiter: each waiter
/// is a suspended continuation, resumed by `notify(regions:)` (or by its task's cancellation).
///
/// A waiter says which part of the feed it reads (its region scope, as `changeEvents(within:)` filters), and a
/// commit wakes only the waiters whose scope contains the region of an event it appended: a commit elsewhere
/// in the country costs a waiter nothing.
///
/// A reader takes `generation` *before* it reads the feed and passes it to `waitForChange(after:)`; a commit in
/// between has already moved the generation on, so the wait returns at once and no wake-up is lost (a commit
/// outside its scope may so end a wait early; the reader reads again and waits again).
///
/// Long-polls are counted per token (`beginLongPoll`): a token may hold only so many at once.
final class ChangeNotifier: Sendable {
    private struct Waiter {
        var scope: [RegionCode]
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var generation: UInt64 = 0
        var closed = false
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var longPolls: [Int64: Int] = [:]
    }

    /// The most long-polls one token may hold at once.
    let longPollsPerToken: Int
    private let state = Mutex(State())

    init(longPollsPerToken: Int = 4) { self.longPollsPerToken = longPollsPerToken }

    /// Counts commits seen so far.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// True once the server is shutting down: waits end at once, so that long-polls answer before the grace
    /// period runs out instead of being cut off.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits suspended now (for tests and metrics).
    var waiterCount: Int { state.withLock { $0.waiters.count } }

    /// Ends every wait, now and later (graceful shutdown).
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.continuation.resume() }
    }

    /// Called after a commit that appended events in `regions`: moves the generation on and resumes the waiters
    /// whose scope contains one of them. Nil: the regions are not known; every waiter is woken.
    func notify(regions: [RegionCode]?) {
        let woken = state.withLock { state -> [Waiter] in
            state.generation &+= 1
            var woken: [Waiter] = []
            for (id, waiter) in state.waiters
            where regions.map({ Self.scope(waiter.scope, containsAnyOf: $0) }) ?? true {
                woken.append(waiter)
                state.waiters[id] = nil
            }
            return woken
        }
        for waiter in woken { waiter.continuation.resume() }
    }

    /// Takes one of `token`'s long-polls; false when it holds `longPollsPerToken` already. Pair with `endLongPoll`.
    func beginLongPoll(token: Int64) -> Bool {
        state.withLock { state in
            let held = state.longPolls[token, default: 0]
            guard held < longPollsPerToken else { return false }
            state.longPolls[token] = held + 1
            return true
        }
    }

    /// Gives back a long-poll taken with `beginLongPoll`.
    func endLongPoll(token: Int64) {
        state.withLock { state in
            let held = state.longPolls[token, default: 0] - 1
            state.longPolls[token] = held > 0 ? held : nil
        }
    }

    /// Returns after a commit later than `generation` in `scope` (true), at shutdown (true), after `timeout`
    /// (false), or when the task is cancelled (false). An empty scope is the whole feed.
    @discardableResult
    func waitForChange(after generation: UInt64, within scope: [RegionCode] = [], timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.waitForChange(after: generation, within: scope)
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

    private func waitForChange(after generation: UInt64, within scope: [RegionCode]) async {
        let id = state.withLock { state in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != generation || state.closed || Task.isCancelled { return true }
                    state.waiters[id] = Waiter(scope: scope, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    /// Whether a feed read within `scope` (every prefix must hold, as the store filters) shows an event in one
    /// of `regions`.
    static func scope(_ scope: [RegionCode], containsAnyOf regions: [RegionCode]) -> Bool {
        regions.contains { region in scope.allSatisfy { $0.contains(region) } }
    }
}
