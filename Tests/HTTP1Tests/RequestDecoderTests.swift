import HTTP1
import Testing

@Suite struct RequestDecoderTests {
    @Test func simpleGetIsDecodedEveryWay() {
        let (decoded, disagreements) = decodeEveryWay("GET /a?b=c HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        #expect(decoded.error == nil)
        #expect(decoded.requests.count == 1)
        #expect(decoded.requests.first?.target == "/a?b=c")
        #expect(decoded.requests.first?.headers == ["Host: x", "Accept: */*"])
        #expect(decoded.requests.first?.keepAlive == true)
    }

    @Test func contentLengthBodyIsDecodedEveryWay() {
        let (decoded, disagreements) = decodeEveryWay(
            "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        #expect(decoded.requests.map(\.body) == ["hello", ""])
        #expect(decoded.requests.map(\.method) == ["POST", "GET"])
    }

    @Test func chunkedBodyWithExtensionsAndTrailersIsDecodedEveryWay() {
        let (decoded, disagreements) = decodeEveryWay(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6 ; a=\"q\"\r\n world\r\n0\r\nTrailer-One: 1\r\n\r\n")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        #expect(decoded.error == nil)
        #expect(decoded.requests.first?.body == "hello world")
    }

    @Test func whitespaceBeforeColonIsRejected() {
        let (decoded, disagreements) = decodeEveryWay("GET / HTTP/1.1\r\nHost : x\r\n\r\n")
        #expect(disagreements.isEmpty)
        #expect(decoded.error == .invalidHeaderName)
    }

    @Test func contentLengthWithTransferEncodingIsRejected() {
        let (decoded, disagreements) = decodeEveryWay(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(disagreements.isEmpty)
        #expect(decoded.error == .conflictingFraming)
    }
}
