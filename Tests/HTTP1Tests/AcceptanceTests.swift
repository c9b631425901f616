import HTTP1
import Testing

@Suite struct AcceptanceTests {
    @Test func fieldValuesAreTrimmedAndObsTextIsKept() {
        let (decoded, disagreements) = decodeEveryWay(
            "GET / HTTP/1.1\r\nHost:x\r\nX-A: \t a b \t\r\nX-B: caf\u{e9}\r\nX-C:\r\n\r\n")
        #expect(disagreements.isEmpty)
        #expect(decoded.requests.first?.headers == ["Host: x", "X-A: a b", "X-B: caf\u{e9}", "X-C: "])
    }

    @Test func http10WithoutHostIsAcceptedAndClosesByDefault() {
        let (decoded, _) = decodeEveryWay("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        #expect(decoded.requests.map(\.keepAlive) == [false, true])
        #expect(decoded.requests.map(\.minorVersion) == [0, 0])
    }

    @Test func connectionCloseEndsKeepAliveOnHTTP11() {
        let (decoded, _) = decodeEveryWay("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, Close\r\n\r\n")
        #expect(decoded.requests.first?.keepAlive == false)
    }

    @Test func expectContinueIsReported() {
        let (decoded, _) = decodeEveryWay(
            "PUT / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\nok")
        #expect(decoded.requests.first?.expectsContinue == true)
        #expect(decoded.requests.first?.body == "ok")
    }

    @Test func identicalContentLengthsAreAccepted() {
        let (decoded, disagreements) = decodeEveryWay(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc")
        #expect(disagreements.isEmpty)
        #expect(decoded.requests.first?.body == "abc")
    }

    @Test func transferEncodingIsCaseInsensitiveAndUpperCaseHexWorks() {
        let (decoded, disagreements) = decodeEveryWay(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n")
        #expect(disagreements.isEmpty)
        #expect(decoded.requests.first?.body == "0123456789")
    }

    @Test func absoluteFormIsReducedAndAsteriskIsKeptForOptions() {
        let (decoded, _) = decodeEveryWay(
            "GET HTTP://Example.com HTTP/1.1\r\nHost: x\r\n\r\nGET https://e.com?q=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(decoded.requests.map(\.target) == ["/", "/?q=1", "*"])
    }

    @Test func leadingEmptyLinesAreIgnored() {
        let (decoded, disagreements) = decodeEveryWay("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(disagreements.isEmpty)
        #expect(decoded.requests.count == 1)
    }

    @Test func incompleteRequestWaitsForMoreBytes() {
        let decoded = decode(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc".utf8), cuts: [])
        #expect(decoded.error == nil)
        #expect(decoded.requests.isEmpty)
        #expect(decoded.incomplete)
    }

    @Test func manyPipelinedRequestsComeOutInOrder() {
        let text = (0..<50).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined()
        let decoded = decode(Array(text.utf8), cuts: Array(stride(from: 7, to: text.utf8.count, by: 13)))
        #expect(decoded.requests.map(\.target) == (0..<50).map { "/\($0)" })
    }
}
