import HTTPServer
import Logging
import Testing

/// A literal segment beats a parameter segment, and `Allow` lists the methods of the routes that would serve
/// the path, not of every pattern it happens to match.
@Suite struct RouterAllowTests {
    static func router() -> Router {
        var router = Router(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        router.on(.get, "/items/{id}") { _, parameters in
            HTTPResponse(status: .ok, bytes: Array("item \(parameters["id"] ?? "")".utf8))
        }
        router.on(.patch, "/items/{id}") { _, _ in HTTPResponse(status: .noContent) }
        router.on(.get, "/items/export") { _, _ in HTTPResponse(status: .ok, bytes: Array("export".utf8)) }
        return router
    }

    func respond(_ method: HTTPMethod, _ target: String) async -> HTTPResponse {
        let request = HTTPRequest(
            method: method, target: target, version: .http1_1, headers: ["Host": "t"], body: [],
            remoteAddress: "127.0.0.1", requestID: "r", isSecure: false)
        return await Self.router().respond(to: request)
    }

    @Test func literalSegmentBeatsAParameterRegisteredBeforeIt() async throws {
        let response = await respond(.get, "/items/export")
        guard case .bytes(let body) = response.body else { throw RawClient.Failure(description: "no body") }
        #expect(String(decoding: body, as: UTF8.self) == "export")
    }

    @Test func optionsListsOnlyTheMethodsOfTheLiteralRoute() async {
        let response = await respond(.options, "/items/export")
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func methodOfTheParameterRouteIs405OnTheLiteralPath() async {
        let response = await respond(.patch, "/items/export")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func parameterPathStillHasAllItsMethods() async {
        let options = await respond(.options, "/items/42")
        #expect(options.headers["Allow"] == "GET, PATCH, HEAD, OPTIONS")
        #expect(await respond(.patch, "/items/42").status == .noContent)
    }

    @Test func optionsOverTheRealServerAdvertisesTheLiteralRoute() async throws {
        let server = Server(
            configuration: testConfiguration(), responder: Self.router(),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let client = try RawClient(port: try await server.listeningPort())
            try await client.send("OPTIONS /items/export HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 204)
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}
