import HTTP1
import Testing

@Suite struct LimitTests {
    private func limits(line: Int = 8192, section: Int = 16384, count: Int = 100) -> RequestDecoder.Limits {
        var limits = RequestDecoder.Limits()
        limits.maxRequestLineLength = line
        limits.maxHeaderSectionSize = section
        limits.maxHeaderCount = count
        return limits
    }

    @Test func requestLineAtTheLimitIsAcceptedAndOneByteMoreIsNot() {
        let line = "GET /" + String(repeating: "a", count: 20) + " HTTP/1.1"  // 34 bytes
        let atLimit = decodeEveryWay("\(line)\r\nHost: x\r\n\r\n", limits: limits(line: line.utf8.count))
        #expect(atLimit.disagreements.isEmpty)
        #expect(atLimit.whole.requests.count == 1)
        let over = decodeEveryWay("\(line)\r\nHost: x\r\n\r\n", limits: limits(line: line.utf8.count - 1))
        #expect(over.disagreements.isEmpty)
        #expect(over.whole.error == .requestLineTooLong)
    }

    @Test func endlessRequestLineIsRefusedWithoutItsEnd() {
        var decoder = RequestDecoder(limits: limits(line: 100))
        decoder.append(Array(("GET /" + String(repeating: "a", count: 200)).utf8))
        #expect(throws: HTTPParseError.requestLineTooLong) { _ = try decoder.next() }
    }

    @Test func headerSectionAtTheLimitIsAcceptedAndOneByteMoreIsNot() {
        let section = "Host: x\r\nX-A: 123456789\r\n\r\n"  // 27 bytes including the empty line
        let request = "GET / HTTP/1.1\r\n" + section
        let atLimit = decodeEveryWay(request, limits: limits(section: section.utf8.count))
        #expect(atLimit.disagreements.isEmpty)
        #expect(atLimit.whole.requests.count == 1)
        let over = decodeEveryWay(request, limits: limits(section: section.utf8.count - 1))
        #expect(over.disagreements.isEmpty)
        #expect(over.whole.error == .headerSectionTooLarge)
    }

    @Test func headerCountAtTheLimitIsAcceptedAndOneMoreIsNot() {
        let request = "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n"
        #expect(decodeEveryWay(request, limits: limits(count: 3)).whole.requests.count == 1)
        #expect(decodeEveryWay(request, limits: limits(count: 2)).whole.error == .tooManyHeaders)
    }

    @Test func endlessHeaderSectionIsRefusedWithoutItsEnd() {
        var decoder = RequestDecoder(limits: limits(section: 1000))
        decoder.append(Array("GET / HTTP/1.1\r\n".utf8))
        for _ in 0..<200 { decoder.append(Array("X-Filler: abcdefgh\r\n".utf8)) }
        #expect(throws: HTTPParseError.headerSectionTooLarge) { _ = try decoder.next() }
    }

    @Test func bodyAtTheLimitIsAccepted() {
        var limits = RequestDecoder.Limits()
        limits.maxBodySize = 5
        let fixed = decodeEveryWay("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", limits: limits)
        #expect(fixed.whole.requests.first?.body == "hello")
        let chunked = decodeEveryWay(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n",
            limits: limits)
        #expect(chunked.disagreements.isEmpty)
        #expect(chunked.whole.requests.first?.body == "hello")
        let over = decodeEveryWay(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhe\r\n4\r\nllo!\r\n0\r\n\r\n",
            limits: limits)
        #expect(over.whole.error == .bodyTooLarge)
    }

    /// A server that has seen the head may admit less than `maxBodySize`: a longer `Content-Length` fails before any
    /// body byte is taken, a chunked body when it passes the limit, and the next request has the full limit again.
    @Test func aLimitSetAfterTheHeadHoldsForThatBodyOnly() throws {
        var decoder = RequestDecoder(limits: .init())
        decoder.append(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\n".utf8))
        guard case .head = try decoder.next() else { throw HTTPParseError.invalidRequestLine }
        #expect(throws: HTTPParseError.bodyTooLarge) { try decoder.limitBody(to: 5) }
        #expect(throws: HTTPParseError.bodyTooLarge) { _ = try decoder.next() }

        var chunked = RequestDecoder(limits: .init())
        chunked.append(Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        guard case .head = try chunked.next() else { throw HTTPParseError.invalidRequestLine }
        try chunked.limitBody(to: 5)
        chunked.append(Array("2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n".utf8))
        guard case .end(let body) = try chunked.next() else { throw HTTPParseError.invalidChunk }
        #expect(body == Array("hello".utf8))
        chunked.append(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nhello!".utf8))
        guard case .head = try chunked.next() else { throw HTTPParseError.invalidRequestLine }
        #expect(chunked.bodyLimit == RequestDecoder.Limits().maxBodySize)
        guard case .end(let next) = try chunked.next() else { throw HTTPParseError.invalidChunk }
        #expect(next == Array("hello!".utf8))
        chunked.append(Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        guard case .head = try chunked.next() else { throw HTTPParseError.invalidRequestLine }
        try chunked.limitBody(to: 5)
        chunked.append(Array("2\r\nhe\r\n4\r\nllo!\r\n".utf8))
        #expect(throws: HTTPParseError.bodyTooLarge) { _ = try chunked.next() }
    }
}
