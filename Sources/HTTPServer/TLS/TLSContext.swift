import Sockets

/// The server's TLS settings loaded once (certificate, key, protocol versions). Not yet implemented.
final class TLSContext: Sendable {
    init(configuration: Server.TLSConfiguration) throws(ServerError) {
        throw .tls("TLS is not implemented yet")
    }

    func makeSession(for socket: Socket) -> TLSSession? { nil }
}

/// One connection's TLS state.
final class TLSSession {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> IOResult { .closed }
    func write(_ bytes: UnsafeRawBufferPointer) throws -> IOResult { .closed }
    func free() {}
}
