/// The outcome of one non-blocking read or write.
package enum IOResult: Sendable, Equatable {
    /// This many bytes moved (never zero for a read: a zero-byte read is `.closed`).
    case bytes(Int)
    /// The call would block (`EAGAIN`): wait for readiness from the poller.
    case wouldBlock
    /// The peer closed its side (a read returned 0).
    case closed
}
