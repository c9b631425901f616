import COpenSSL
import Sockets

#if canImport(Glibc)
    import Glibc
#endif

/// One connection's TLS state, driven by the event loop with non-blocking SSL_read and SSL_write.
/// Owned by the loop thread (not Sendable).
final class TLSSession {
    /// A TLS failure on one connection (bad handshake, bad record); the connection closes.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private var ssl: OpaquePointer?

    init(_ ssl: OpaquePointer) { self.ssl = ssl }

    /// Decrypted bytes; `.wouldBlock` while the handshake or a record needs more from the socket.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> IOResult {
        guard let ssl else { return .closed }
        ERR_clear_error()
        let count = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        if count > 0 { return .bytes(Int(count)) }
        return try outcome(of: count, ssl: ssl, operation: "SSL_read")
    }

    /// Encrypts and sends what the socket takes now (partial writes are enabled).
    func write(_ bytes: UnsafeRawBufferPointer) throws -> IOResult {
        guard let ssl else { throw Failure(description: "TLS session closed") }
        guard !bytes.isEmpty else { return .bytes(0) }
        ERR_clear_error()
        let count = SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count))
        if count > 0 { return .bytes(Int(count)) }
        let result = try outcome(of: count, ssl: ssl, operation: "SSL_write")
        if result == .closed { throw Failure(description: "SSL_write: peer closed") }
        return result
    }

    /// Sends close_notify (best effort, non-blocking).
    func shutdown() {
        guard let ssl else { return }
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
    }

    /// Frees the session; the socket is closed by its owner.
    func free() {
        if let ssl { SSL_free(ssl) }
        ssl = nil
    }

    private func outcome(of count: Int32, ssl: OpaquePointer, operation: String) throws -> IOResult {
        let error = SSL_get_error(ssl, count)
        switch error {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wouldBlock
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        case SSL_ERROR_SYSCALL where errno == 0 || errno == ECONNRESET:
            ERR_clear_error()
            return .closed  // the peer went away without close_notify
        default:
            throw Failure(description: TLSContext.lastError(operation))
        }
    }
}
