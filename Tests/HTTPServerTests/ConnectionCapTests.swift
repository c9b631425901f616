import HTTPServer
import Testing

@Suite struct ConnectionCapTests {
    @Test func connectionsBeyondTheCapAreClosedWhileOpenOnesAreServed() async throws {
        let config = testConfiguration { $0.maxConnections = 2 }
        try await withServer(config) { _, port in
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            for client in [first, second] {
                try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try await client.readResponse().status == 200)
            }
            let third = try RawClient(port: port)
            #expect(try await third.waitForClose(timeout: 30_000))
            try await first.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await first.readResponse().status == 200)
        }
    }
}
