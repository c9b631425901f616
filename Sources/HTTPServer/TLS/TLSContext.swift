import COpenSSL
import Sockets

/// The server's TLS settings, loaded once: certificate chain, private key, TLS 1.2 and 1.3 only,
/// AEAD ciphers with forward secrecy.
final class TLSContext: @unchecked Sendable {
    // @unchecked Sendable: the SSL_CTX is configured in `init` and never changed afterwards; OpenSSL allows
    // SSL_new on a shared, unchanging SSL_CTX from any thread.

    private let context: OpaquePointer

    /// TLS 1.2 suites (TLS 1.3 suites are OpenSSL's defaults, all AEAD): ECDHE only, GCM or ChaCha20.
    static let tls12Ciphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"

    /// Loads the PEM files.
    /// - Throws: `ServerError.tls` with OpenSSL's reason when a file is missing, malformed or mismatched.
    init(configuration: Server.TLSConfiguration) throws(ServerError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw .tls(TLSContext.lastError("SSL_CTX_new")) }
        self.context = context
        guard cqo_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1,
            SSL_CTX_set_cipher_list(context, TLSContext.tls12Ciphers) == 1
        else { throw .tls(TLSContext.lastError("protocol settings")) }
        _ = SSL_CTX_set_options(context, cqo_tls_server_options())
        _ = cqo_SSL_CTX_set_mode(context, cqo_tls_server_mode())
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificatePath) == 1 else {
            throw .tls(TLSContext.lastError("certificate \(configuration.certificatePath)"))
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyPath, cqo_ssl_filetype_pem()) == 1,
            SSL_CTX_check_private_key(context) == 1
        else { throw .tls(TLSContext.lastError("private key \(configuration.privateKeyPath)")) }
    }

    deinit { SSL_CTX_free(context) }

    /// A server-side session on `socket`; the handshake happens inside the first reads and writes.
    func makeSession(for socket: Socket) -> TLSSession? {
        guard let ssl = SSL_new(context) else { return nil }
        guard SSL_set_fd(ssl, socket.fileDescriptor) == 1 else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_accept_state(ssl)
        return TLSSession(ssl)
    }

    /// OpenSSL's queued error text, cleared.
    static func lastError(_ step: String) -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return step }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        return step + ": " + String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
