import CLinux

#if canImport(Glibc)
    import Glibc
#endif

/// Process-wide settings a server makes once at start.
package enum ResourceLimits {
    /// Raises the soft `RLIMIT_NOFILE` to the hard limit, so that thousands of connections fit.
    /// - Returns: the soft limit now in force.
    @discardableResult
    package static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return Int(raised.rlim_cur) }
        }
        return Int(limit.rlim_cur)
    }

    /// Ignores `SIGPIPE`: a write to a closed peer then fails with `EPIPE` instead of killing the process
    /// (OpenSSL writes with `write(2)`, which has no `MSG_NOSIGNAL`).
    package static func ignoreBrokenPipeSignal() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// The monotonic clock in nanoseconds (`CLOCK_MONOTONIC`, a vDSO call).
    package static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}
