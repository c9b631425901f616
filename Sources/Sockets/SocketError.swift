import CLinux

#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call: which one, and the `errno` it left.
///
/// `EAGAIN`/`EWOULDBLOCK` never surface as a `SocketError`: the calls that can meet them answer `.wouldBlock`.
package struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system call's name, such as `"bind"`.
    package let syscall: String
    /// The `errno` value it set.
    package let errno: Int32

    /// Makes an error for `syscall` from an explicit errno value.
    package init(_ syscall: String, errno: Int32) {
        self.syscall = syscall
        self.errno = errno
    }

    /// Makes an error for `syscall` from the calling thread's current `errno`.
    package static func current(_ syscall: String) -> SocketError {
        SocketError(syscall, errno: Glibc.errno)
    }

    /// The call, the system's text for the errno, and the number.
    package var description: String {
        var buffer = [CChar](repeating: 0, count: 128)
        let text = buffer.withUnsafeMutableBufferPointer { pointer -> String in
            guard let base = pointer.baseAddress else { return "errno \(errno)" }
            _ = strerror_r(errno, base, pointer.count)  // the XSI variant: fills `base`
            return String(cString: base)
        }
        return "\(syscall): \(text) (errno \(errno))"
    }

    /// True when the peer went away (reset, broken pipe): routine for a server, worth no log line above debug.
    package var isPeerGone: Bool {
        errno == ECONNRESET || errno == EPIPE || errno == ENOTCONN || errno == ETIMEDOUT
    }
}
