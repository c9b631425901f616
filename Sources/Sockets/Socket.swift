import CLinux

#if canImport(Glibc)
    import Glibc
#endif

/// A socket file descriptor and the few syscalls a non-blocking server needs.
///
/// A `Socket` is a plain value: it does not close itself. Whoever owns it (an event loop) calls `close()` once.
/// Every I/O call is non-blocking and answers `.wouldBlock` instead of waiting; readiness comes from `Poller`.
package struct Socket: Sendable, Hashable {
    /// The descriptor.
    package let fileDescriptor: Int32

    /// Wraps an open descriptor.
    package init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    // MARK: - Reading and writing

    /// Reads what is available into `buffer` (`recv(2)`).
    /// - Throws: `SocketError` for anything but `EAGAIN` and `EINTR` (e.g. `ECONNRESET`).
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> IOResult {
        while true {
            let count = recv(fileDescriptor, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .bytes(count) }
            if count == 0 { return buffer.isEmpty ? .bytes(0) : .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SocketError.current("recv")
            }
        }
    }

    /// Writes as much of `bytes` as the kernel takes now (`send(2)` with `MSG_NOSIGNAL`: no `SIGPIPE`).
    /// - Throws: `SocketError` (`EPIPE`, `ECONNRESET`, …).
    package func write(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> IOResult {
        while true {
            let count = send(fileDescriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return .bytes(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SocketError.current("send")
            }
        }
    }

    /// Gathers several buffers into one `sendmsg(2)` (header and body in one segment, no Nagle stall).
    /// - Throws: `SocketError` (`EPIPE`, `ECONNRESET`, …).
    package func write(vectors: UnsafeMutableBufferPointer<iovec>) throws(SocketError) -> IOResult {
        var message = msghdr()
        message.msg_iov = vectors.baseAddress
        message.msg_iovlen = vectors.count
        while true {
            let count = sendmsg(fileDescriptor, &message, Int32(MSG_NOSIGNAL))
            if count >= 0 { return .bytes(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SocketError.current("sendmsg")
            }
        }
    }

    // MARK: - Options and lifetime

    /// Disables Nagle's algorithm (`TCP_NODELAY`), so a response never waits for the client's delayed ACK.
    package func setNoDelay() {
        var one: Int32 = 1
        _ = setsockopt(fileDescriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sets `O_NONBLOCK`.
    /// - Throws: `SocketError` from `fcntl`.
    package func setNonBlocking() throws(SocketError) {
        let flags = fcntl(fileDescriptor, F_GETFL)
        guard flags >= 0, fcntl(fileDescriptor, F_SETFL, flags | O_NONBLOCK) >= 0 else {
            throw SocketError.current("fcntl")
        }
    }

    /// Sends FIN after what is queued (`shutdown(SHUT_WR)`); reading stays possible.
    package func shutdownWrite() { _ = Glibc.shutdown(fileDescriptor, Int32(SHUT_WR)) }

    /// Shuts both directions down (`shutdown(SHUT_RDWR)`). On a listening socket this stops listening at once:
    /// queued connections are reset and new ones refused, while the descriptor stays valid for its pollers.
    package func shutdownBoth() { _ = Glibc.shutdown(fileDescriptor, Int32(SHUT_RDWR)) }

    /// Closes the descriptor. Call once.
    package func close() { _ = Glibc.close(fileDescriptor) }

    /// A connected pair of non-blocking stream sockets (`socketpair(2)`), for tests.
    /// - Throws: `SocketError` from `socketpair`.
    package static func pair() throws(SocketError) -> (Socket, Socket) {
        var fds: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { throw SocketError.current("socketpair") }
        return (Socket(fileDescriptor: fds[0]), Socket(fileDescriptor: fds[1]))
    }
}
