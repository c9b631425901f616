import HTTPServer
import Logging
import RegistryAPI
import RegistryDomain
import RegistryStore

/// A real server on an ephemeral loopback port over a real SQLite file, for one test.
package struct TestServer: Sendable {
    package let port: Int
    package let database: TemporaryDatabase
    package let clock: RegistryClock

    /// A client without a token.
    package var anonymous: TestClient { TestClient(port: port) }

    /// A client with a fresh token of `role` and scope.
    package func client(_ role: String, region: String? = nil, uscc: String? = nil) async throws -> TestClient {
        TestClient(port: port, token: try await issueToken(role, region: region, uscc: uscc))
    }

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
    _ body: @Sendable (TestServer) async throws -> T
) async throws -> T {
    let database = try await TemporaryDatabase.migratedOffPool()
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let registry = database.registry
    let responder = RegistryApplication.responder(
        storage: registry, configuration: api, clock: clock, isReady: { registry.isReady() }, logger: logger)
    var configuration = serverConfiguration ?? Server.Configuration(host: "127.0.0.1", port: 0)
    configuration.port = 0
    configuration.workerCount = 1
    // As `serve` runs: handlers on the event loop, never on Swift's global pool, which CPU-heavy tests elsewhere in
    // this process share.
    configuration.handlerExecution = .eventLoop
    let server = Server(configuration: configuration, responder: responder, logger: logger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await server.run()
            return nil
        }
        let port = try await server.listeningPort()
        do {
            let result = try await body(TestServer(port: port, database: database, clock: clock))
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
