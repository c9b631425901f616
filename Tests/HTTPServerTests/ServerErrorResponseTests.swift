import HTTPServer
import Testing

@Suite struct ServerErrorResponseTests {
    /// Sends `request`, expects `status` as an RFC 9457 problem with `Connection: close`, then the close itself.
    private func expectRefusal(
        _ request: String, status: Int, configuration: Server.Configuration = testConfiguration()
    ) async throws {
        try await withServer(configuration) { _, port in
            let client = try RawClient(port: port)
            try await client.send(request)
            let response = try await client.readResponse()
            #expect(response.status == status, "\(request.prefix(60))")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.contains("\"status\":\(status)"))
            #expect(response.header("Connection") == "close")
            #expect(try await client.waitForClose())
        }
    }

    @Test func tooLongRequestLineGets414() async throws {
        let config = testConfiguration { $0.maxRequestLineLength = 100 }
        try await expectRefusal(
            "GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\nHost: t\r\n\r\n", status: 414, configuration: config
        )
    }

    @Test func tooLargeHeaderSectionGets431() async throws {
        let config = testConfiguration { $0.maxHeaderSectionSize = 256 }
        try await expectRefusal(
            "GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "b", count: 400))\r\n\r\n", status: 431,
            configuration: config)
    }

    @Test func tooManyHeadersGets431() async throws {
        let config = testConfiguration { $0.maxHeaderCount = 5 }
        let fields = (0..<10).map { "X-\($0): v\r\n" }.joined()
        try await expectRefusal("GET / HTTP/1.1\r\nHost: t\r\n\(fields)\r\n", status: 431, configuration: config)
    }

    @Test func declaredBodyOverLimitGets413BeforeTheBodyIsSent() async throws {
        let config = testConfiguration { $0.maxBodySize = 1000 }
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n", status: 413, configuration: config)
    }

    @Test func chunkedBodyOverLimitGets413() async throws {
        let config = testConfiguration { $0.maxBodySize = 10 }
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n\(String(repeating: "x", count: 32))\r\n0\r\n\r\n",
            status: 413, configuration: config)
    }

    @Test func unsupportedVersionGets505() async throws {
        try await expectRefusal("GET / HTTP/2.0\r\nHost: t\r\n\r\n", status: 505)
    }

    @Test func missingHostOnHTTP11Gets400() async throws {
        try await expectRefusal("GET / HTTP/1.1\r\n\r\n", status: 400)
    }

    @Test func obsFoldGets400() async throws {
        try await expectRefusal("GET / HTTP/1.1\r\nHost: t\r\nX-A: a\r\n b\r\n\r\n", status: 400)
    }

    @Test func bareCRGets400() async throws {
        try await expectRefusal("GET / HTTP/1.1\r\nHost: t\r\nX-A: a\rb\r\n\r\n", status: 400)
    }

    @Test func nulInHeaderGets400() async throws {
        try await expectRefusal("GET / HTTP/1.1\r\nHost: t\r\nX-A: a\u{0}b\r\n\r\n", status: 400)
    }

    @Test func contentLengthWithTransferEncodingGets400() async throws {
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400)
    }

    @Test func differingContentLengthsGet400() async throws {
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400)
    }

    @Test func nonDigitContentLengthGets400() async throws {
        try await expectRefusal("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: +5\r\n\r\nhello", status: 400)
    }

    @Test func unknownTransferCodingGets501() async throws {
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 501)
    }

    @Test func transferEncodingNotEndingInChunkedGets400() async throws {
        try await expectRefusal("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: identity\r\n\r\n", status: 400)
    }

    @Test func badChunkSizeGets400AndTheRestIsNotReadAsARequest() async throws {
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n",
            status: 400)
    }

    @Test func chunkWithoutCRLFGets400() async throws {
        try await expectRefusal(
            "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", status: 400)
    }

    @Test func invalidMethodTokenGets400() async throws {
        try await expectRefusal("G(T / HTTP/1.1\r\nHost: t\r\n\r\n", status: 400)
    }
}
