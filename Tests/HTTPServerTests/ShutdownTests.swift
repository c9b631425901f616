import HTTPServer
import Logging
import Testing

@Suite struct ShutdownTests {
    @Test func inFlightRequestCompletesDuringGracefulShutdown() async throws {
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let (gate, gateContinuation) = AsyncStream<Void>.makeStream()
        let (logger, records) = StreamLogHandler.make()
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
            _ = await records.first { $0.message == "shutting down" }
            // No new connection is taken once shutdown has begun…
            let refused: Bool
            if let late = try? RawClient(port: port) {
                try await late.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                refused = try await late.waitForClose()
            } else {
                refused = true
            }
            #expect(refused)
            // …while the request in flight is still answered.
            gateContinuation.yield()
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "done")
            await shutdown.value
            #expect(try await client.waitForClose())
            try await group.waitForAll()
        }
    }

    @Test func requestStillRunningWhenTheGracePeriodEndsIsCutOff() async throws {
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let config = testConfiguration { $0.shutdownGracePeriod = .milliseconds(300) }
        let server = Server(
            configuration: config,
            responder: ClosureResponder { _ in
                startedContinuation.yield()
                // Never finishes on its own within the grace period.
                let (never, _) = AsyncStream<Void>.makeStream()
                for await _ in never {}
                return HTTPResponse(status: .ok)
            }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let port = try await server.listeningPort()
            let idle = try RawClient(port: port)
            try await idle.send("GET /quick HTTP/1.1\r\nHost: t\r\n\r\n")
            let client = try RawClient(port: port)
            try await client.send("GET /stuck HTTP/1.1\r\nHost: t\r\n\r\n")
            var startedIterator = started.makeAsyncIterator()
            _ = await startedIterator.next()
            _ = await startedIterator.next()
            group.cancelAll()
            try await group.waitForAll()  // run() returns once the grace period is over
            #expect(try await client.waitForClose(timeout: 2000))
        }
    }

    @Test func cancellingRunStopsTheServer() async throws {
        let port = try await withServer { _, port in port }
        #expect(port > 0)
        #expect(throws: (any Error).self) { _ = try RawClient(port: port) }
    }
}
