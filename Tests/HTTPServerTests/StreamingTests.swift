import HTTPServer
import Testing

@Suite struct StreamingTests {
    static let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
        HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain"],
            body: .stream(
                HTTPBodyStream { writer in
                    for _ in 0..<64 { try await writer.write([UInt8](repeating: 0x61, count: 64 * 1024)) }
                }))
    }

    @Test func largeStreamArrivesWholeAndInOrder() async throws {
        try await withServer(respond: Self.respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.body.count == 64 * 64 * 1024)
            #expect(response.body.allSatisfy { $0 == 0x61 })
        }
    }

    @Test func streamToHTTP10IsDelimitedByClose() async throws {
        try await withServer(respond: Self.respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.header("Connection") == "close")
            #expect(response.body.count == 64 * 64 * 1024)
        }
    }

    @Test func headOfAStreamSendsNoBody() async throws {
        try await withServer(respond: Self.respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\nGET / HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try await client.readResponse(bodyless: true)
            #expect(head.status == 200)
            let get = try await client.readResponse()
            #expect(get.body.count == 64 * 64 * 1024)
        }
    }

    @Test func failingStreamCutsTheResponseShort() async throws {
        struct Broken: Error {}
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
            HTTPResponse(
                status: .ok,
                body: .stream(
                    HTTPBodyStream { writer in
                        try await writer.write(Array("partial".utf8))
                        throw Broken()
                    }))
        }
        try await withServer(respond: respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            await #expect(throws: (any Error).self) { _ = try await client.readResponse() }
        }
    }

    @Test func bodySentWithTheHeadGetsNo100Continue() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: request.body) }) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "ok")
        }
    }
}
