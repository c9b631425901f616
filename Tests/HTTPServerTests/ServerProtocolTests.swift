import HTTPServer
import Testing

@Suite struct ServerProtocolTests {
    @Test func expectContinueGets100BeforeTheBodyIsSent() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: request.body) }) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try await client.readResponse()
            #expect(interim.status == 100)
            try await client.send("hello")
            let final = try await client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "hello")
        }
    }

    @Test func expectContinueOverTheLimitGets413Directly() async throws {
        try await withServer(testConfiguration { $0.maxBodySize = 10 }) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\nExpect: 100-continue\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(try await client.waitForClose())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.0\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(try await client.waitForClose())

            let keepAlive = try RawClient(port: port)
            try await keepAlive.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try await keepAlive.readResponse()
            #expect(first.header("Connection") == "keep-alive")
            try await keepAlive.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await keepAlive.readResponse().status == 200)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(try await client.waitForClose())
        }
    }

    @Test func absoluteFormTargetIsReducedToPathAndQuery() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: Array(request.target.utf8)) }) {
            _, port in
            let client = try RawClient(port: port)
            try await client.send("GET http://example.com:8080/a/b?c=d HTTP/1.1\r\nHost: example.com\r\n\r\n")
            #expect(try await client.readResponse().text == "/a/b?c=d")
        }
    }

    @Test func pathThatDoesNotPercentDecodeGets400AndKeepsTheConnection() async throws {
        try await withServer(respond: { request in
            HTTPResponse(status: .ok, bytes: Array(request.pathSegments.joined(separator: "|").utf8))
        }) { _, port in
            let client = try RawClient(port: port)
            for bad in ["/a%zz", "/a%00b", "/%C3%28", "/a%2"] {
                try await client.send("GET \(bad) HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try await client.readResponse()
                #expect(response.status == 400, "\(bad)")
                #expect(response.header("Content-Type") == "application/problem+json")
            }
            try await client.send("GET /a%2Fb/%E4%B8%AD HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.readResponse().text == "a/b|中")
        }
    }

    @Test func chunkedRequestBodyReachesTheHandler() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: request.body) }) { _, port in
            let client = try RawClient(port: port)
            try await client.send(
                "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: v\r\n\r\n"
            )
            #expect(try await client.readResponse().text == "abcde")
        }
    }

    @Test func streamedBodyIsSentChunked() async throws {
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/csv"],
                body: .stream(
                    HTTPBodyStream { writer in
                        for index in 0..<100 { try await writer.write(Array("line \(index)\n".utf8)) }
                    }))
        }
        try await withServer(respond: respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET /export HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.header("Content-Length") == nil)
            #expect(response.text == (0..<100).map { "line \($0)\n" }.joined())
            try await client.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
        }
    }

    @Test func largeCompressibleBodyIsGzippedWhenAccepted() async throws {
        let text = String(repeating: "{\"name\":\"value\"},", count: 200)
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], bytes: Array(text.utf8))
        }
        try await withServer(respond: respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: br, gzip;q=0.8\r\n\r\n")
            let gzipped = try await client.readResponse()
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.header("Vary") == "Accept-Encoding")
            #expect(gzipped.body.count < text.utf8.count)
            #expect(Array(gzipped.body.prefix(2)) == [0x1f, 0x8b])
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
            let plain = try await client.readResponse()
            #expect(plain.header("Content-Encoding") == nil)
            #expect(plain.text == text)
        }
    }

    @Test func smallBodyIsNotCompressed() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Content-Encoding") == nil)
            #expect(response.text == "hello")
        }
    }
}
