import ArgumentParser
import Dispatch
import HTTPServer
import Logging
import RegistryAPI
import RegistryDomain
import RegistryStore

/// `cqo-registry serve`: migrates the database, then serves the API until SIGINT or SIGTERM.
///
/// Every flag also reads a `CQO_…` environment variable (`--port` ← `CQO_PORT`); a flag given wins.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database, then serve the HTTP API.")

    @Option(help: "Address to listen on (env CQO_HOST).") var host: String =
        Environment.value("CQO_HOST") ?? "127.0.0.1"
    @Option(help: "TCP port; 0 picks a free one (env CQO_PORT).") var port: Int =
        Environment.integer("CQO_PORT") ?? 8080
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Requests per second per token (env CQO_RATE_LIMIT_PER_TOKEN).")
    var rateLimitPerToken: Int = Environment.integer("CQO_RATE_LIMIT_PER_TOKEN") ?? 1_000
    @Option(help: "Requests per second per address without a valid token (env CQO_RATE_LIMIT_PER_ADDRESS).")
    var rateLimitPerAddress: Int = Environment.integer("CQO_RATE_LIMIT_PER_ADDRESS") ?? 50
    @Option(help: "Days a CQO post may stay vacant before it is shown as overdue (env CQO_VACANCY_GRACE_DAYS).")
    var vacancyGraceDays: Int = Environment.integer("CQO_VACANCY_GRACE_DAYS") ?? 30
    @Option(help: "Lowest passing exam score of 100 (env CQO_EXAM_PASS_MARK).")
    var examPassMark: Int = Environment.integer("CQO_EXAM_PASS_MARK") ?? 60
    @Option(help: "Years a certificate is valid (env CQO_CERTIFICATE_VALIDITY_YEARS).")
    var certificateValidityYears: Int = Environment.integer("CQO_CERTIFICATE_VALIDITY_YEARS") ?? 3
    @Option(help: "Continuing-education hours that renew a certificate (env CQO_RENEWAL_HOURS).")
    var renewalHours: Int = Environment.integer("CQO_RENEWAL_HOURS") ?? 24
    @Option(help: "Largest appointment document in bytes (env CQO_MAX_DOCUMENT_BYTES).")
    var maxDocumentBytes: Int = Environment.integer("CQO_MAX_DOCUMENT_BYTES") ?? 10 * 1024 * 1024
    @Option(help: "Largest JSON request body in bytes (env CQO_MAX_JSON_BYTES).")
    var maxJsonBytes: Int = Environment.integer("CQO_MAX_JSON_BYTES") ?? 1024 * 1024

    @Option(help: "Seconds allowed for a request head (env CQO_HEAD_TIMEOUT).")
    var headTimeout: Int = Environment.integer("CQO_HEAD_TIMEOUT") ?? 10
    @Option(help: "Seconds a body may take before the minimum rate applies (env CQO_BODY_GRACE).")
    var bodyGrace: Int = Environment.integer("CQO_BODY_GRACE") ?? 10
    @Option(help: "Slowest accepted body after the grace period, bytes/s (env CQO_BODY_MIN_RATE).")
    var bodyMinRate: Int = Environment.integer("CQO_BODY_MIN_RATE") ?? 1024
    @Option(help: "Seconds an idle keep-alive connection is kept (env CQO_IDLE_TIMEOUT).")
    var idleTimeout: Int = Environment.integer("CQO_IDLE_TIMEOUT") ?? 15
    @Option(help: "Most simultaneous connections (env CQO_MAX_CONNECTIONS).")
    var maxConnections: Int = Environment.integer("CQO_MAX_CONNECTIONS") ?? 16_384
    @Option(help: "Largest request body in bytes, e.g. a roster CSV (env CQO_MAX_BODY).")
    var maxBody: Int = Environment.integer("CQO_MAX_BODY") ?? 64 * 1024 * 1024
    @Option(help: "Event loop threads; 0 = one per core (env CQO_WORKERS).")
    var workers: Int = Environment.integer("CQO_WORKERS") ?? 0

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS (env CQO_TLS_CERT).")
    var tlsCertFlag: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert (env CQO_TLS_KEY).")
    var tlsKeyFlag: String?
    var tlsCert: String? { tlsCertFlag ?? Environment.value("CQO_TLS_CERT") }
    var tlsKey: String? { tlsKeyFlag ?? Environment.value("CQO_TLS_KEY") }
    @Option(help: "Log level: trace, debug, info, notice, warning, error (env CQO_LOG_LEVEL).")
    var logLevel: Logger.Level = Environment.value("CQO_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
    @Option(help: "Log format: text (for people) or json (one object a line) (env CQO_LOG_FORMAT).")
    var logFormat: LogFormat = Environment.value("CQO_LOG_FORMAT").flatMap(LogFormat.init(rawValue:)) ?? .text

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
        if let level = Environment.value("CQO_LOG_LEVEL"), Logger.Level(rawValue: level) == nil {
            throw ValidationError("unknown CQO_LOG_LEVEL \(level)")
        }
        if let format = Environment.value("CQO_LOG_FORMAT"), LogFormat(rawValue: format) == nil {
            throw ValidationError("unknown CQO_LOG_FORMAT \(format): text or json")
        }
        guard rateLimitPerToken > 0, rateLimitPerAddress > 0 else { throw ValidationError("rate limits are positive") }
        guard (0...3_650).contains(vacancyGraceDays) else { throw ValidationError("--vacancy-grace-days is 0 to 3650") }
        guard maxDocumentBytes > 0 else { throw ValidationError("--max-document-bytes is positive") }
        guard maxJsonBytes > 0 else { throw ValidationError("--max-json-bytes is positive") }
        guard (0...100).contains(examPassMark) else { throw ValidationError("--exam-pass-mark is 0 to 100") }
        guard (1...50).contains(certificateValidityYears) else {
            throw ValidationError("--certificate-validity-years is 1 to 50")
        }
        guard (0...10_000).contains(renewalHours) else { throw ValidationError("--renewal-hours is 0 to 10000") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    var serverConfiguration: Server.Configuration {
        var configuration = Server.Configuration(host: host, port: port)
        configuration.headTimeout = .seconds(headTimeout)
        configuration.bodyGracePeriod = .seconds(bodyGrace)
        configuration.bodyMinimumRate = bodyMinRate
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.maxConnections = maxConnections
        configuration.maxBodySize = maxBody
        configuration.workerCount = workers
        if let tlsCert, let tlsKey {
            configuration.tls = .init(certificatePath: tlsCert, privateKeyPath: tlsKey)
        }
        return configuration
    }

    func run() async throws {
        let logger = logFormat.logger(label: "cqo-registry", level: logLevel)
        var storage = SQLiteRegistry.Configuration()
        // A full rebuild of the coverage index (after a large import) runs as blocking work, off the event loops;
        // requests meanwhile answer from the previous version.
        storage.coverageRebuildRunner = { job in BlockingWork.submit(job) }
        let registry = try database.open(configuration: storage)
        Self.logAuditHead(of: registry, logger: logger, at: "start")
        // Load the coverage index now, off the request path, so the first dashboard does not wait for it; /readyz
        // answers 503 until it is loaded. A failed load (the database busy) is tried again a second later.
        BlockingWork.submit {
            for attempt in 1...60 {
                do { return try registry.warmCoverageIndex() } catch {
                    logger.warning("coverage index load failed", metadata: ["attempt": "\(attempt)"])
                    sleep(1)
                }
            }
        }
        var api = RegistryAPIConfiguration()
        api.rateLimitPerToken = rateLimitPerToken
        api.rateLimitPerAddress = rateLimitPerAddress
        api.vacancyGracePeriodDays = vacancyGraceDays
        api.documentSizeLimit = maxDocumentBytes
        api.jsonBodyLimit = maxJsonBytes
        api.examPolicy = ExamPolicy(passMark: examPassMark)
        api.certificatePolicy = CertificatePolicy(validityYears: certificateValidityYears, renewalHours: renewalHours)
        let responder = RegistryApplication.responder(
            storage: registry, configuration: api,
            isReady: { registry.isReady() && registry.isCoverageIndexLoaded }, logger: logger)
        let server = Server(configuration: serverConfiguration, responder: responder, logger: logger)
        let signals = try ShutdownSignals {
            responder.beginShutdown()
            Task { await server.shutdown() }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let address = host
            let path = database.db
            group.addTask {
                let bound = try await server.listeningPort()
                logger.notice("listening", metadata: ["address": "\(address):\(bound)", "db": "\(path)"])
            }
            try await group.waitForAll()
        }
        signals.cancel()
        Self.logAuditHead(of: registry, logger: logger, at: "stop")
        // The file alone is then the whole database: a copy of it, or a crash before the next start, loses nothing.
        do { try registry.checkpoint() } catch { logger.warning("WAL checkpoint at stop failed: \(error)") }
        try registry.close()
        logger.notice("stopped")
    }

    /// Logs the audit chain's head, which an operator records to catch entries removed from the end later
    /// (`audit verify --expect-head`).
    static func logAuditHead(of registry: SQLiteRegistry, logger: Logger, at moment: String) {
        do {
            let head = try registry.read { try $0.auditHead() }
            logger.notice(
                "audit head",
                metadata: [
                    "at": "\(moment)", "anchor": "\(head?.anchor ?? "empty")", "entries": "\(head?.entryCount ?? 0)",
                ])
        } catch {
            logger.error("cannot read the audit head", metadata: ["at": "\(moment)", "error": "\(error)"])
        }
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// `--log-level trace|debug|info|notice|warning|error|critical`: parsed by the argument parser, which lists the
/// choices in `--help` and refuses any other word.
extension Logger.Level: @retroactive ExpressibleByArgument {}
