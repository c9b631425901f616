#if canImport(Glibc)
    import Glibc
#endif

/// A fixed set of OS threads that run request handlers: the tasks' preferred executor (SE-0417).
///
/// Handlers may block briefly (a synchronous SQLite read is the registry's pattern); on these threads that
/// never holds up Swift's cooperative pool, and blocked threads do not stall the event loops either.
/// Async work a handler awaits resumes here as well.
final class HandlerPool: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: `jobs`, `head`, `idle`, `live` and `stopping` are only touched with `mutex` held;
    // the pthread mutex and condition live at fixed heap addresses for the pool's lifetime.

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var idle = 0
    private var live = 0
    private var stopping = false

    /// Starts `threads` worker threads.
    /// - Throws: `ServerError.threadCreation` when a thread cannot be started.
    init(threads: Int) throws(ServerError) {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        jobs.reserveCapacity(1024)
        for _ in 0..<max(1, threads) { try startWorker() }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pthread_mutex_lock(mutex)
        jobs.append(job)
        let wake = idle > 0
        // After `stop()`, work still arrives from handlers that outlive the server: give it a thread.
        let needsThread = stopping && live == 0
        pthread_mutex_unlock(mutex)
        if wake { pthread_cond_signal(condition) }
        if needsThread { try? startWorker() }
    }

    /// Lets the workers exit once the queue is empty.
    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_mutex_unlock(mutex)
        pthread_cond_broadcast(condition)
    }

    private func startWorker() throws(ServerError) {
        pthread_mutex_lock(mutex)
        live += 1
        pthread_mutex_unlock(mutex)
        do {
            try LoopThread.start(name: "http-handler") { self.work() }
        } catch {
            pthread_mutex_lock(mutex)
            live -= 1
            pthread_mutex_unlock(mutex)
            throw error
        }
    }

    private func work() {
        while let job = next() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// The next job, waiting for one; nil when stopping and nothing is left.
    private func next() -> UnownedJob? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == jobs.count {
            if stopping {
                live -= 1
                return nil
            }
            idle += 1
            pthread_cond_wait(condition, mutex)
            idle -= 1
        }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4096 {
            jobs.removeSubrange(0..<head)
            head = 0
        }
        return job
    }
}
