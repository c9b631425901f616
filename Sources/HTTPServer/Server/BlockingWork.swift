/// The one way to run blocking work from a handler: a CPU-heavy parse, a long synchronous read, a rebuild.
///
/// Handlers run on the event loop that read their request, so anything that holds the thread for long holds
/// every other connection of that loop too. `run` moves the work to a small fixed set of OS threads (two per
/// core, 2 to 16) and resumes the handler on its loop when it is done; the loop serves other connections
/// meanwhile. Swift's cooperative pool is never blocked either. The work is not cancelled with its task: once
/// started it runs to the end.
///
/// ```swift
/// let parsed = try await BlockingWork.run { try RosterImport.parse(body) }
/// ```
package enum BlockingWork {
    /// The threads every `run` and `submit` share, started as work arrives.
    static let pool = BlockingThreadPool(
        name: "blocking-work", limit: min(16, max(2, 2 * SystemInfo.activeProcessorCount)))

    /// The number of threads the work may occupy at once.
    package static var threadLimit: Int { pool.limit }

    /// Runs `work` on a blocking-work thread and returns (or throws) what it did.
    package static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            pool.submit { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Starts `work` on a blocking-work thread without waiting for it (background jobs, such as an index rebuild
    /// that requests do not wait for).
    package static func submit(_ work: @escaping @Sendable () -> Void) {
        pool.submit(work)
    }
}
