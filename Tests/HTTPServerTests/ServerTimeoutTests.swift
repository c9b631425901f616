import HTTPServer
import Testing

/// Timeouts are shortened to a few hundred milliseconds; the tests wait on the socket, never on a clock.
@Suite struct ServerTimeoutTests {
    @Test func incompleteHeadIsAnswered408AndClosed() async throws {
        let config = testConfiguration { $0.headTimeout = .milliseconds(200) }
        try await withServer(config) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Slow: ")
            let response = try await client.readResponse()
            #expect(response.status == 408)
            #expect(try await client.waitForClose())
        }
    }

    @Test func dripFedHeadDoesNotKeepTheConnection() async throws {
        let config = testConfiguration { $0.headTimeout = .milliseconds(300) }
        try await withServer(config) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\n")
            var closed = false
            for _ in 0..<50 where !closed {
                try? await client.send("X: y\r\n")
                closed = try await client.waitForClose(timeout: 100)
            }
            #expect(closed)
        }
    }

    @Test func bodySlowerThanTheMinimumRateIsCutOff() async throws {
        let config = testConfiguration {
            $0.bodyGracePeriod = .milliseconds(200)
            $0.bodyMinimumRate = 1024
        }
        try await withServer(config) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\nx")
            let response = try await client.readResponse()
            #expect(response.status == 408)
            #expect(try await client.waitForClose())
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        let config = testConfiguration { $0.idleTimeout = .milliseconds(200) }
        try await withServer(config) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            #expect(try await client.waitForClose(timeout: 30_000))
            #expect(client.unread.isEmpty)  // closed silently (RFC 9112 §9.5)
        }
    }

    @Test func writeToAClientThatStopsReadingTimesOut() async throws {
        let (logger, records) = StreamLogHandler.make()
        let config = testConfiguration { $0.writeTimeout = .milliseconds(200) }
        let big = [UInt8](repeating: 0x41, count: 64 * 1024 * 1024)
        try await withServer(config, logger: logger, respond: { _ in HTTPResponse(status: .ok, bytes: big) }) {
            _, port in
            let client = try RawClient(port: port)
            try await client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            let record = await records.first { $0.message == "connection timed out" }
            #expect(record?.metadata["reason"] == "write")
        }
    }
}
