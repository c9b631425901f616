import Sockets

#if canImport(Glibc)
    import Glibc
#endif

/// How one connection's bytes travel: straight through the socket, or through a TLS session on it.
struct ConnectionTransport {
    let socket: Socket
    var tls: TLSSession?

    var isSecure: Bool { tls != nil }

    /// Plain sockets can gather two buffers into one `sendmsg`; TLS writes records one buffer at a time.
    var supportsVectors: Bool { tls == nil }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> IOResult {
        if let tls { return try tls.read(into: buffer) }
        return try socket.read(into: buffer)
    }

    /// Writes `first`, then `second` if given and the transport gathers; returns bytes taken in total.
    mutating func write(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer?) throws -> IOResult {
        if let tls { return try tls.write(first) }
        guard let second, !second.isEmpty else { return try socket.write(first) }
        var vectors = [
            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress), iov_len: second.count),
        ]
        return try vectors.withUnsafeMutableBufferPointer { try socket.write(vectors: $0) }
    }

    /// Frees TLS state and closes the socket.
    func close() {
        tls?.free()
        socket.close()
    }
}
