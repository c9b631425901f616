#if canImport(Glibc)
    import Glibc
#endif

/// A fixed-size set of OS threads that run closures in the order they were submitted (`BlockingWork`'s).
///
/// Threads start when work arrives and none is idle, up to `limit`; they live as long as the pool (the process,
/// for `BlockingWork.pool`). Work waits in a queue while all of them are busy, so a burst of blocking calls holds
/// at most `limit` threads and never the cooperative pool's or an event loop's.
final class BlockingThreadPool: @unchecked Sendable {
    // @unchecked Sendable: `work`, `head`, `idle` and `live` are only touched with `mutex` held; the pthread
    // mutex and condition live at fixed heap addresses for the pool's lifetime.

    let limit: Int
    private let name: String
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var work: [@Sendable () -> Void] = []
    private var head = 0
    private var idle = 0
    private var live = 0

    init(name: String, limit: Int) {
        self.name = name
        self.limit = max(1, limit)
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Queues `job`; it runs on one of the pool's threads. If no thread exists and none can be started, it runs
    /// on the caller's thread (late, rather than never).
    func submit(_ job: @escaping @Sendable () -> Void) {
        pthread_mutex_lock(mutex)
        work.append(job)
        let wake = idle > 0
        let start = !wake && live < limit
        if start { live += 1 }
        pthread_mutex_unlock(mutex)
        if wake { pthread_cond_signal(condition) }
        guard start else { return }
        do {
            try LoopThread.start(name: name) { self.serve() }
        } catch {
            pthread_mutex_lock(mutex)
            live -= 1
            let orphaned = live == 0
            pthread_mutex_unlock(mutex)
            if orphaned { while let job = next(waiting: false) { job() } }
        }
    }

    private func serve() {
        while let job = next(waiting: true) { job() }
    }

    /// The next job; when `waiting`, blocks until there is one (a pool thread never exits).
    private func next(waiting: Bool) -> (@Sendable () -> Void)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == work.count {
            guard waiting else { return nil }
            idle += 1
            pthread_cond_wait(condition, mutex)
            idle -= 1
        }
        let job = work[head]
        head += 1
        if head == work.count {
            work.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 {
            work.removeSubrange(0..<head)
            head = 0
        }
        return job
    }
}
