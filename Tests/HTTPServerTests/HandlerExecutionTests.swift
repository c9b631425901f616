import HTTPServer
import Testing

/// Handlers run on their event loop: pipelining stays in order, handlers suspend and resume, streams flow.
@Suite struct HandlerExecutionTests {
    @Test func pipelinedRequestsWithSuspendingHandlersAreAnsweredInOrder() async throws {
        let config = testConfiguration()
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { request in
            // Suspend and resume from another task, as an async database call would.
            let value = await Task.detached { request.path }.value
            await Task.yield()
            return HTTPResponse(status: .ok, bytes: Array(value.utf8))
        }
        try await withServer(config, respond: respond) { _, port in
            let client = try RawClient(port: port)
            let paths = (0..<30).map { "/r\($0)" }
            try await client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
            for path in paths { #expect(try await client.readResponse().text == path) }
        }
    }

    @Test func streamedBodyWorks() async throws {
        let config = testConfiguration()
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
            HTTPResponse(
                status: .ok,
                body: .stream(
                    HTTPBodyStream { writer in
                        for index in 0..<200 {
                            try await writer.write(Array("\(index),".utf8) + [UInt8](repeating: 0x20, count: 4096))
                        }
                    }))
        }
        try await withServer(config, respond: respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.body.count == (0..<200).map { "\($0),".utf8.count + 4096 }.reduce(0, +))
        }
    }

    @Test func manyConnectionsAtOnceAreServed() async throws {
        let config = testConfiguration { $0.workerCount = 2 }
        try await withServer(config) { _, port in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let client = try RawClient(port: port)
                        var ok = 0
                        for _ in 0..<10 {
                            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                            if try await client.readResponse().text == "hello" { ok += 1 }
                        }
                        return ok
                    }
                }
                var total = 0
                for try await ok in group { total += ok }
                #expect(total == 200)
            }
        }
    }
}
