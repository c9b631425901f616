import CLinux

#if canImport(Glibc)
    import Glibc
#endif

extension Socket {
    /// Opens a non-blocking TCP socket bound to `host`:`port` and listening.
    ///
    /// `SO_REUSEADDR` is set so that a restart does not wait for `TIME_WAIT`.
    /// - Parameters:
    ///   - host: a numeric address (`127.0.0.1`, `::`) or a name `getaddrinfo(3)` resolves (`localhost`).
    ///   - port: 0 lets the kernel choose; read it back with `localAddress()`.
    ///   - backlog: the accept queue length (the kernel caps it at `net.core.somaxconn`).
    /// - Throws: `SocketError` from `getaddrinfo`, `socket`, `bind` or `listen`.
    package static func listen(host: String, port: Int, backlog: Int32 = 4096) throws(SocketError) -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw SocketError("getaddrinfo", errno: status) }
        defer { freeaddrinfo(list) }
        let info = first.pointee
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(info.ai_family, type, 0)
        guard fd >= 0 else { throw SocketError.current("socket") }
        let socket = Socket(fileDescriptor: fd)
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.ai_addr, info.ai_addrlen) == 0 else {
            let error = SocketError.current("bind")
            socket.close()
            throw error
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let error = SocketError.current("listen")
            socket.close()
            throw error
        }
        return socket
    }

    /// Accepts one pending connection, already non-blocking and close-on-exec (`accept4(2)`).
    /// - Returns: nil when none is pending (`EAGAIN`) or the attempt was aborted by the client (`ECONNABORTED`).
    /// - Throws: `SocketError` (`EMFILE`, `ENFILE`, `ENOBUFS`, …).
    package func accept() throws(SocketError) -> (Socket, SocketAddress)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        while true {
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    clinux_accept4(fileDescriptor, $0, &length, flags)
                }
            }
            if fd >= 0 { return (Socket(fileDescriptor: fd), SocketAddress(storage)) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK, ECONNABORTED: return nil
            default: throw SocketError.current("accept4")
            }
        }
    }

    /// The address the socket is bound to (`getsockname(2)`).
    /// - Throws: `SocketError` from `getsockname`.
    package func localAddress() throws(SocketError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fileDescriptor, $0, &length) }
        }
        guard status == 0 else { throw SocketError.current("getsockname") }
        return SocketAddress(storage)
    }
}
