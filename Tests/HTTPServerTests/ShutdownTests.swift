import HTTPServer
import Logging
import Testing

@Suite struct ShutdownTests {
    @Test func inFlightRequestCompletesDuringGracefulShutdown() async throws {
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let (gate, gateContinuation) = AsyncStream<Void>.makeStream()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let server = Server(
            configuration: testConfiguration(),
            responder: ClosureResponder { _ in
                startedContinuation.yield()
                var iterator = gate.makeAsyncIterator()
                _ = await iterator.next()
                return HTTPResponse(status: .ok, bytes: Array("done".utf8))
            }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let port = try await server.listeningPort()
            let client = try RawClient(port: port)
            try await client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            var startedIterator = started.makeAsyncIterator()
            _ = await startedIterator.next()
            let shutdown = Task { await server.shutdown() }
            gateContinuation.yield()
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "done")
            await shutdown.value
            #expect(try await client.waitForClose())
            try await group.waitForAll()
        }
    }

    @Test func cancellingRunStopsTheServer() async throws {
        let port = try await withServer { _, port in port }
        #expect(port > 0)
        #expect(throws: (any Error).self) { _ = try RawClient(port: port) }
    }
}
