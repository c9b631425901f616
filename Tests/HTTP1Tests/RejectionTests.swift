import HTTP1
import Testing

/// One malformed or dangerous request and the error it must produce, however it is fed.
struct Rejection: Sendable, CustomTestStringConvertible {
    var name: String
    var request: String
    var error: HTTPParseError
    var testDescription: String { name }
}

@Suite struct RejectionTests {
    static let host = "Host: x\r\n"

    static let requestLine: [Rejection] = [
        .init(
            name: "control byte in target", request: "GET /a\u{1}b HTTP/1.1\r\n\(host)\r\n", error: .invalidRequestLine),
        .init(name: "space inside target", request: "GET /a b HTTP/1.1\r\n\(host)\r\n", error: .invalidRequestLine),
        .init(name: "double space", request: "GET  / HTTP/1.1\r\n\(host)\r\n", error: .invalidTarget),
        .init(name: "tab separator", request: "GET\t/ HTTP/1.1\r\n\(host)\r\n", error: .invalidMethod),
        .init(name: "NUL in method", request: "GE\u{0}T / HTTP/1.1\r\n\(host)\r\n", error: .invalidRequestLine),
        .init(name: "non-token method", request: "GE(T / HTTP/1.1\r\n\(host)\r\n", error: .invalidMethod),
        .init(name: "non-ASCII target", request: "GET /caf\u{e9} HTTP/1.1\r\n\(host)\r\n", error: .invalidTarget),
        .init(name: "authority-form", request: "CONNECT x:443 HTTP/1.1\r\n\(host)\r\n", error: .invalidTarget),
        .init(name: "asterisk with GET", request: "GET * HTTP/1.1\r\n\(host)\r\n", error: .invalidTarget),
        .init(name: "HTTP/2.0", request: "GET / HTTP/2.0\r\n\(host)\r\n", error: .unsupportedVersion),
        .init(name: "HTTP/1.2", request: "GET / HTTP/1.2\r\n\(host)\r\n", error: .unsupportedVersion),
        .init(name: "lower-case http", request: "GET / http/1.1\r\n\(host)\r\n", error: .invalidRequestLine),
        .init(name: "HTTP/1.10", request: "GET / HTTP/1.10\r\n\(host)\r\n", error: .invalidRequestLine),
        .init(name: "missing version", request: "GET /\r\n\(host)\r\n", error: .invalidTarget),
        .init(name: "bare LF", request: "GET / HTTP/1.1\n\(host)\r\n", error: .invalidLineEnding),
        .init(name: "bare CR in request line", request: "GET /\r HTTP/1.1\r\n\(host)\r\n", error: .invalidRequestLine),
        .init(
            name: "too many empty lines first", request: "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\(host)\r\n",
            error: .invalidRequestLine),
    ]

    static let fields: [Rejection] = [
        .init(name: "obs-fold", request: "GET / HTTP/1.1\r\n\(host)X: a\r\n b\r\n\r\n", error: .obsoleteLineFolding),
        .init(
            name: "obs-fold with tab", request: "GET / HTTP/1.1\r\n\(host)X: a\r\n\tb\r\n\r\n",
            error: .obsoleteLineFolding),
        .init(name: "space before colon", request: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", error: .invalidHeaderName),
        .init(name: "tab before colon", request: "GET / HTTP/1.1\r\n\(host)X\t: a\r\n\r\n", error: .invalidHeaderName),
        .init(name: "empty name", request: "GET / HTTP/1.1\r\n\(host): a\r\n\r\n", error: .invalidHeaderName),
        .init(name: "no colon", request: "GET / HTTP/1.1\r\n\(host)X-A\r\n\r\n", error: .invalidHeaderName),
        .init(name: "non-token name", request: "GET / HTTP/1.1\r\n\(host)X(A): a\r\n\r\n", error: .invalidHeaderName),
        .init(name: "NUL in value", request: "GET / HTTP/1.1\r\n\(host)X: a\u{0}b\r\n\r\n", error: .invalidHeaderValue),
        .init(
            name: "bare CR in value", request: "GET / HTTP/1.1\r\n\(host)X: a\rb\r\n\r\n", error: .invalidHeaderValue),
        .init(
            name: "DEL in value", request: "GET / HTTP/1.1\r\n\(host)X: a\u{7f}b\r\n\r\n", error: .invalidHeaderValue),
        .init(
            name: "control byte in name", request: "GET / HTTP/1.1\r\n\(host)X\u{1}: a\r\n\r\n",
            error: .invalidHeaderValue),
        .init(name: "bare LF ends a field", request: "GET / HTTP/1.1\r\n\(host)X: a\n\r\n", error: .invalidLineEnding),
        .init(name: "missing Host on 1.1", request: "GET / HTTP/1.1\r\n\r\n", error: .invalidHost),
        .init(name: "two Hosts", request: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", error: .invalidHost),
        .init(name: "space in Host", request: "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", error: .invalidHost),
        .init(name: "letter in Host port", request: "GET / HTTP/1.1\r\nHost: a:8o\r\n\r\n", error: .invalidHost),
        .init(name: "userinfo in Host", request: "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", error: .invalidHost),
        .init(name: "unclosed IPv6 Host", request: "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", error: .invalidHost),
        .init(name: "bad escape in Host", request: "GET / HTTP/1.1\r\nHost: a%g1\r\n\r\n", error: .invalidHost),
        .init(name: "bad Host on 1.0", request: "GET / HTTP/1.0\r\nHost: a/b\r\n\r\n", error: .invalidHost),
    ]

    static let framing: [Rejection] = [
        .init(
            name: "TE and CL",
            request: "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            error: .conflictingFraming),
        .init(
            name: "CL and TE",
            request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
            error: .conflictingFraming),
        .init(
            name: "differing CLs",
            request: "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            error: .invalidContentLength),
        .init(
            name: "differing CL list", request: "POST / HTTP/1.1\r\n\(host)Content-Length: 3, 4\r\n\r\nabcd",
            error: .invalidContentLength),
        .init(
            name: "plus sign", request: "POST / HTTP/1.1\r\n\(host)Content-Length: +3\r\n\r\nabc",
            error: .invalidContentLength),
        .init(
            name: "negative", request: "POST / HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n",
            error: .invalidContentLength),
        .init(
            name: "hex", request: "POST / HTTP/1.1\r\n\(host)Content-Length: 0x3\r\n\r\nabc",
            error: .invalidContentLength),
        .init(
            name: "two numbers", request: "POST / HTTP/1.1\r\n\(host)Content-Length: 1 2\r\n\r\nabc",
            error: .invalidContentLength),
        .init(
            name: "empty CL", request: "POST / HTTP/1.1\r\n\(host)Content-Length: \r\n\r\n",
            error: .invalidContentLength),
        .init(
            name: "overflowing CL",
            request: "POST / HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n",
            error: .invalidContentLength),
        .init(
            name: "TE on HTTP/1.0", request: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            error: .invalidTransferEncoding),
        .init(
            name: "TE not ending in chunked",
            request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, gzip\r\n\r\n",
            error: .invalidTransferEncoding),
        .init(
            name: "TE identity", request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: identity\r\n\r\n",
            error: .invalidTransferEncoding),
        .init(
            name: "chunked twice", request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, chunked\r\n\r\n",
            error: .invalidTransferEncoding),
        .init(
            name: "empty TE", request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: \r\n\r\n",
            error: .invalidTransferEncoding),
        .init(
            name: "gzip then chunked", request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n",
            error: .unsupportedTransferEncoding),
        .init(
            name: "gzip then chunked in two fields",
            request: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n",
            error: .unsupportedTransferEncoding),
        .init(
            name: "CL over the limit", request: "POST / HTTP/1.1\r\n\(host)Content-Length: 20000\r\n\r\n",
            error: .bodyTooLarge),
    ]

    static let chunked: [Rejection] = {
        let head = "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n"
        return [
            .init(name: "non-hex size", request: head + "zz\r\n", error: .invalidChunk),
            .init(name: "negative size", request: head + "-1\r\n", error: .invalidChunk),
            .init(name: "empty size", request: head + "\r\n", error: .invalidChunk),
            .init(name: "size overflow", request: head + "ffffffffffffffffff\r\n", error: .invalidChunk),
            .init(name: "garbage after size", request: head + "5x\r\nhello\r\n0\r\n\r\n", error: .invalidChunk),
            .init(
                name: "control byte in extension", request: head + "5;a\u{1}\r\nhello\r\n0\r\n\r\n",
                error: .invalidChunk),
            .init(name: "data longer than size", request: head + "3\r\nabcX\r\n0\r\n\r\n", error: .invalidChunk),
            .init(name: "bare LF after size", request: head + "3\nabc\r\n0\r\n\r\n", error: .invalidLineEnding),
            .init(name: "LF without CR after data", request: head + "3\r\nabc\n0\r\n\r\n", error: .invalidChunk),
            .init(
                name: "size line too long", request: head + "1;" + String(repeating: "a", count: 200) + "\r\n",
                error: .invalidChunk),
            .init(
                name: "chunks over the body limit",
                request: head + "3e8\r\n" + String(repeating: "a", count: 1000) + "\r\n3e8\r\n", error: .bodyTooLarge),
            .init(
                name: "trailer with obs-fold", request: head + "0\r\nT: a\r\n b\r\n\r\n", error: .obsoleteLineFolding),
            .init(name: "trailer with bad name", request: head + "0\r\nT : a\r\n\r\n", error: .invalidHeaderName),
        ]
    }()

    static var limits: RequestDecoder.Limits {
        var limits = RequestDecoder.Limits()
        limits.maxBodySize = 1500
        limits.maxChunkLineLength = 100
        return limits
    }

    @Test(arguments: requestLine + fields + framing + chunked)
    func requestIsRejectedTheSameWayHoweverItIsFed(_ rejection: Rejection) {
        let (decoded, disagreements) = decodeEveryWay(rejection.request, limits: Self.limits)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(2))")
        #expect(decoded.error == rejection.error)
        #expect(decoded.requests.isEmpty)
    }

    @Test func nothingAfterAFramingErrorIsReadAsARequest() {
        let smuggled =
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n"
        var decoder = RequestDecoder(limits: .init())
        decoder.append(Array(smuggled.utf8))
        #expect(throws: HTTPParseError.conflictingFraming) { _ = try decoder.next() }
        #expect(throws: HTTPParseError.conflictingFraming) { _ = try decoder.next() }
    }
}
