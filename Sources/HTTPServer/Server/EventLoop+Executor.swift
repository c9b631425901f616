#if canImport(Glibc)
    import Glibc
#endif

extension EventLoop: TaskExecutor {
    /// Runs handler tasks on the loop's own thread: a job enqueued from the loop
    /// joins its local run queue; one enqueued from another thread (a resumption) arrives through the mailbox.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if isLoopThread {
            localJobs.append(job)
        } else {
            mailbox.post(.run(job))
        }
    }

    var isLoopThread: Bool { pthread_equal(pthread_self(), pthread_t(loopThread.load(ordering: .relaxed))) != 0 }

    /// Runs the jobs queued on this loop, and any they queue in turn.
    func runLocalJobs() {
        while !localJobs.isEmpty {
            swap(&localJobs, &runningJobs)
            for job in runningJobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
            runningJobs.removeAll(keepingCapacity: true)
        }
    }
}
