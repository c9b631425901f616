/// Failures of the server itself (not of a request).
package enum ServerError: Error, Sendable {
    /// An OS thread for an event loop could not be started.
    case threadCreation(errno: Int32)
    /// `run()` was called twice.
    case alreadyRunning
    /// The server stopped before it listened.
    case notListening
    /// The TLS certificate or key could not be loaded; the text says what OpenSSL reported.
    case tls(String)
}
