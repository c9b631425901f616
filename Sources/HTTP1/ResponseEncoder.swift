/// Writes response heads and chunk framing (RFC 9112 §4, §7.1). No I/O.
package enum ResponseEncoder {
    /// Appends `HTTP/1.1 <code> <reason>` CRLF, each field, and the empty line.
    ///
    /// CR, LF and NUL in names or values are replaced by spaces, so that no handler can split a response.
    package static func encodeHead(
        into output: inout [UInt8], code: Int, reason: String, headers: some Sequence<(name: String, value: String)>
    ) {
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        appendStatusCode(code, into: &output)
        output.append(ByteClass.space)
        appendSafe(reason, into: &output)
        output.append(contentsOf: [ByteClass.cr, ByteClass.lf])
        for field in headers {
            appendSafe(field.name, into: &output)
            output.append(contentsOf: [ByteClass.colon, ByteClass.space])
            appendSafe(field.value, into: &output)
            output.append(contentsOf: [ByteClass.cr, ByteClass.lf])
        }
        output.append(contentsOf: [ByteClass.cr, ByteClass.lf])
    }

    /// One chunk: hex size CRLF data CRLF. An empty `data` makes nothing (the last chunk is `lastChunk`).
    package static func chunk(_ data: [UInt8]) -> [UInt8] {
        guard !data.isEmpty else { return [] }
        var output = Array(String(data.count, radix: 16).utf8)
        output.reserveCapacity(output.count + data.count + 4)
        output.append(contentsOf: [ByteClass.cr, ByteClass.lf])
        output.append(contentsOf: data)
        output.append(contentsOf: [ByteClass.cr, ByteClass.lf])
        return output
    }

    /// The last chunk with no trailers.
    package static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// The interim `100 Continue` response (RFC 9110 §15.2.1).
    package static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends a decimal number without allocating a String.
    package static func appendDecimal(_ value: Int, into output: inout [UInt8]) {
        guard value > 0 else {
            output.append(UInt8(ascii: "0"))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for offset in stride(from: count - 1, through: 0, by: -1) { output.append(raw[offset]) }
        }
    }

    private static func appendStatusCode(_ code: Int, into output: inout [UInt8]) {
        appendDecimal(max(0, min(code, 999)), into: &output)
    }

    private static func appendSafe(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Fast path: one scan, one copy. CR, LF and NUL are rare and get replaced byte by byte.
            if !bytes.contains(where: { $0 == ByteClass.cr || $0 == ByteClass.lf || $0 == 0 }) {
                output.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                output.append(byte == ByteClass.cr || byte == ByteClass.lf || byte == 0 ? ByteClass.space : byte)
            }
        }
    }
}
