#if canImport(Glibc)
import Glibc
#endif

/// The bounded pool of OS threads that runs request handlers (a `TaskExecutor`, SE-0417).
///
/// Each request's task prefers this executor, so its handler, and everything it awaits, runs on these threads
/// rather than on Swift's global pool: CPU-heavy work elsewhere in the process cannot starve the server, and a
/// slow handler cannot starve another part of the process. Sized to the cores by default. Idle connections
/// cost no thread: only runnable handler jobs occupy a worker.
///
/// `@unchecked Sendable`: `queue`, `head` and `stopping` are read and written only with `mutex` held;
/// the pthread objects are allocated once in `init` and freed only after every worker has exited.
final class WorkerPool: TaskExecutor, @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var queue: [UnownedJob] = []
    private var head = 0
    private var stopping = false

    /// Starts `count` worker threads.
    /// - Throws: `ServerError.threadCreation` when a thread cannot be created.
    init(threads count: Int) throws(ServerError) {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        for _ in 0..<max(1, count) {
            let retained = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(
                &thread, nil,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<WorkerPool>.fromOpaque(raw).takeRetainedValue().work()
                    return nil
                }, retained)
            guard status == 0 else {
                Unmanaged<WorkerPool>.fromOpaque(retained).release()
                stop()
                throw ServerError.threadCreation(errno: status)
            }
            pthread_detach(thread)
        }
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
        if stopping {
            pthread_mutex_unlock(mutex)
            // A job after shutdown (a task outliving the server) still runs, on the global executor.
            globalConcurrentExecutor.enqueue(job)
            return
        }
        queue.append(job)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Lets the workers finish what is queued, then exit. Later jobs go to the global executor.
    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    private func work() {
        while let job = next() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private func next() -> UnownedJob? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == queue.count && !stopping { pthread_cond_wait(condition, mutex) }
        guard head < queue.count else { return nil }
        let job = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4096 {
            queue.removeFirst(head)
            head = 0
        }
        return job
    }
}
