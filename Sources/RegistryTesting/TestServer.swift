import HTTPServer
import Logging
import RegistryAPI
import RegistryDomain
import RegistryStore

/// A real server on an ephemeral loopback port over a real SQLite file, for one test (`withTestServer`), or the
/// same application answered in process, without a socket (`withTestRouter`).
package struct TestServer: Sendable {
    package let transport: TestTransport
    package let database: TemporaryDatabase
    package let clock: RegistryClock
    /// Long-polls (`GET /v1/events?wait=`) suspended now: a test waits for its own to be waiting, without sleeping.
    package let waitingLongPolls: @Sendable () -> Int

    /// The server's port (0 in process).
    package var port: Int {
        if case .socket(let port) = transport { return port }
        return 0
    }

    /// A client without a token.
    package var anonymous: TestClient { TestClient(transport: transport) }

    /// A client with a fresh token of `role` and scope.
    package func client(_ role: String, region: String? = nil, uscc: String? = nil) async throws -> TestClient {
        TestClient(transport: transport, token: try await issueToken(role, region: region, uscc: uscc))
    }

    /// A client with `token` (a secret issued earlier).
    package func client(token: String?) -> TestClient { TestClient(transport: transport, token: token) }

    /// Stores a token directly (as `cqo-registry token create` does) and returns its secret.
    package func issueToken(_ role: String, region: String? = nil, uscc: String? = nil, expiresAt: String? = nil)
        async throws
        -> String
    {
        let now = clock.timestamp
        return try await database.registry.write { writer in
            try TokenIssuer.issue(
                .init(role: role, region: region, uscc: uscc, label: "test", expiresAt: expiresAt), writer: writer,
                now: now
            ).1
        }
    }

    /// Adds enterprises directly to the store.
    package func seed(_ enterprises: [Enterprise]) async throws {
        _ = try await database.registry.write { try $0.upsert(enterprises) }
    }
}

/// Runs `body` against a fresh server; the server shuts down gracefully when `body` returns or throws.
package func withTestServer<T: Sendable>(
    api: RegistryAPIConfiguration = .init(), server serverConfiguration: Server.Configuration? = nil,
    clock: RegistryClock = .fixed(1_751_270_400_000),  // 2025-06-30T08:00:00Z, 16:00 in China
    storage: SQLiteRegistry.Configuration = TemporaryDatabase.testConfiguration,
    _ body: @Sendable (TestServer) async throws -> T
) async throws -> T {
    let database = try await TemporaryDatabase.migratedOffPool(configuration: storage)
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let registry = database.registry
    let responder = RegistryApplication.responder(
        storage: registry, configuration: api, clock: clock, isReady: { registry.isReady() }, logger: logger)
    var configuration = serverConfiguration ?? Server.Configuration(host: "127.0.0.1", port: 0)
    configuration.port = 0
    configuration.workerCount = 1
    let server = Server(configuration: configuration, responder: responder, logger: logger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await server.run()
            return nil
        }
        let port = try await server.listeningPort()
        do {
            let result = try await body(
                TestServer(
                    transport: .socket(port: port), database: database, clock: clock,
                    waitingLongPolls: { responder.waitingLongPolls }))
            await server.shutdown()
            group.cancelAll()
            return result
        } catch {
            await server.shutdown()
            group.cancelAll()
            throw error
        }
    }
}

/// Runs `body` against the registry's responder in process: the same routes, access rules and handlers on a real
/// SQLite file, without a socket or the server's wire handling (framing, gzip, request ids). For API tests of what
/// handlers decide; tests of the wire use `withTestServer`.
package func withTestRouter<T: Sendable>(
    api: RegistryAPIConfiguration = .init(), clock: RegistryClock = .fixed(1_751_270_400_000),
    _ body: @Sendable (TestServer) async throws -> T
) async throws -> T {
    let database = try await TemporaryDatabase.migratedOffPool()
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let registry = database.registry
    let responder = RegistryApplication.responder(
        storage: registry, configuration: api, clock: clock, isReady: { registry.isReady() }, logger: logger)
    defer { responder.beginShutdown() }
    return try await body(
        TestServer(
            transport: .inProcess({ await responder.respond(to: $0) }), database: database, clock: clock,
            waitingLongPolls: { responder.waitingLongPolls }))
}
