import HTTP1

extension Server {
    /// Everything a server can be told: address, limits, timeouts, TLS, compression. Every field has a default.
    package struct Configuration: Sendable {
        // MARK: - Address

        /// The address to bind. The default is `127.0.0.1`.
        package var host: String = "127.0.0.1"
        /// The TCP port; 0 lets the kernel choose (read it with `listeningPort()`). The default is 8080.
        package var port: Int = 8080
        /// The listen backlog; the kernel caps it at `net.core.somaxconn`. The default is 4096.
        package var backlog: Int = 4096

        // MARK: - Limits

        /// The longest request line; longer gets 414 (RFC 9112 §3). The default is 8 KiB.
        package var maxRequestLineLength: Int = 8 * 1024
        /// The largest header section; larger gets 431 (RFC 6585 §5). The default is 16 KiB.
        package var maxHeaderSectionSize: Int = 16 * 1024
        /// The most header fields; more gets 431. The default is 100.
        package var maxHeaderCount: Int = 100
        /// The largest request body; larger gets 413, decided from `Content-Length` before reading it. The
        /// responder's `admit` may allow a request less (`HeadAdmission.admit(maxBodySize:)`), never more.
        /// The default is 10 MiB + 64 KiB (a 10 MiB upload plus its multipart envelope).
        package var maxBodySize: Int = 10 * 1024 * 1024 + 64 * 1024
        /// The most simultaneous connections; past it new ones are closed at once. The default is 16,384.
        package var maxConnections: Int = 16_384

        // MARK: - Timeouts

        /// Time allowed from a request's first byte to the end of its head (slowloris). The default is 10 s.
        package var headTimeout: Duration = .seconds(10)
        /// The slowest acceptable body, in bytes per second, once `bodyGracePeriod` has passed. 1 KiB/s.
        package var bodyMinimumRate: Int = 1024
        /// How long a body may arrive at any pace before `bodyMinimumRate` applies. The default is 10 s.
        package var bodyGracePeriod: Duration = .seconds(10)
        /// How long a keep-alive connection may sit idle between requests. The default is 15 s.
        package var idleTimeout: Duration = .seconds(15)
        /// How long a write may make no progress (a client that stops reading). The default is 30 s.
        package var writeTimeout: Duration = .seconds(30)
        /// On shutdown, how long in-flight requests may take before connections are cut. The default is 10 s.
        package var shutdownGracePeriod: Duration = .seconds(10)

        // MARK: - Threads, TLS, compression

        /// Event loop threads; 0 means one per core. The default is 0.
        package var workerCount: Int = 0
        /// Serve HTTPS with these files; nil serves plain HTTP. The default is nil.
        package var tls: TLSConfiguration? = nil
        /// Smallest body worth compressing with gzip; 0 turns compression off. The default is 1 KiB.
        package var gzipMinimumSize: Int = 1024

        /// The defaults above.
        package init() {}

        /// The defaults with another address.
        package init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// The decoder limits these settings imply.
        var decoderLimits: RequestDecoder.Limits {
            var limits = RequestDecoder.Limits()
            limits.maxRequestLineLength = maxRequestLineLength
            limits.maxHeaderSectionSize = maxHeaderSectionSize
            limits.maxHeaderCount = maxHeaderCount
            limits.maxBodySize = maxBodySize
            return limits
        }

        /// The number of event loops to run.
        var effectiveWorkerCount: Int {
            workerCount > 0 ? workerCount : max(1, SystemInfo.activeProcessorCount)
        }
    }

    /// Certificate and private key for HTTPS, both PEM files. TLS 1.2 and 1.3 only.
    package struct TLSConfiguration: Sendable {
        /// Path of the PEM certificate chain (leaf first).
        package var certificatePath: String
        /// Path of the PEM private key.
        package var privateKeyPath: String

        /// Names the two PEM files; they are read when `run()` starts.
        package init(certificatePath: String, privateKeyPath: String) {
            self.certificatePath = certificatePath
            self.privateKeyPath = privateKeyPath
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (negative durations count as zero).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
