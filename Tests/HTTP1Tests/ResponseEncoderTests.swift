import HTTP1
import Testing

@Suite struct ResponseEncoderTests {
    @Test func headIsStatusLineFieldsAndEmptyLine() {
        var output: [UInt8] = []
        ResponseEncoder.encodeHead(into: &output, code: 201, reason: "Created", headers: [(name: "A", value: "b")])
        #expect(String(decoding: output, as: UTF8.self) == "HTTP/1.1 201 Created\r\nA: b\r\n\r\n")
    }

    @Test func crAndLFInFieldsCannotSplitTheResponse() {
        var output: [UInt8] = []
        ResponseEncoder.encodeHead(
            into: &output, code: 200, reason: "OK", headers: [(name: "X", value: "a\r\nSet-Cookie: y")])
        #expect(String(decoding: output, as: UTF8.self) == "HTTP/1.1 200 OK\r\nX: a  Set-Cookie: y\r\n\r\n")
    }

    @Test func chunkIsHexSizeDataAndCRLF() {
        #expect(
            String(decoding: ResponseEncoder.chunk(Array(repeating: 0x61, count: 26)), as: UTF8.self)
                == "1a\r\n" + String(repeating: "a", count: 26) + "\r\n")
        #expect(ResponseEncoder.chunk([]).isEmpty)
    }

    @Test func decimalsAreWrittenWithoutStrings() {
        for value in [0, 7, 10, 1234567890, Int.max] {
            var output: [UInt8] = []
            ResponseEncoder.appendDecimal(value, into: &output)
            #expect(String(decoding: output, as: UTF8.self) == String(value))
        }
    }
}
