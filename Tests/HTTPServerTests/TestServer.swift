import HTTPServer
import Logging

/// A responder made of a closure, for tests.
struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) async -> HTTPResponse
    func respond(to request: HTTPRequest) async -> HTTPResponse { await body(request) }
}

/// Settings for a test server: loopback, a kernel-chosen port, one loop.
func testConfiguration(_ change: (inout Server.Configuration) -> Void = { _ in }) -> Server.Configuration {
    var configuration = Server.Configuration(host: "127.0.0.1", port: 0)
    configuration.workerCount = 1
    configuration.shutdownGracePeriod = .seconds(5)
    change(&configuration)
    return configuration
}

/// Runs a real server on 127.0.0.1 with an ephemeral port for the duration of `body`, then shuts it down.
func withServer<T: Sendable>(
    _ configuration: Server.Configuration = testConfiguration(),
    logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
    respond: @escaping @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
        HTTPResponse(status: .ok, bytes: Array("hello".utf8))
    },
    _ body: @Sendable (Server, Int) async throws -> T
) async throws -> T {
    try await withServer(configuration, logger: logger, responder: ClosureResponder(body: respond), body)
}

/// Runs a real server with `responder` on 127.0.0.1 with an ephemeral port for the duration of `body`.
func withServer<T: Sendable>(
    _ configuration: Server.Configuration = testConfiguration(),
    logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, responder: any HTTPResponder,
    _ body: @Sendable (Server, Int) async throws -> T
) async throws -> T {
    let server = Server(configuration: configuration, responder: responder, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        let port = try await server.listeningPort()
        let result = try await body(server, port)
        group.cancelAll()
        try await group.waitForAll()
        return result
    }
}
