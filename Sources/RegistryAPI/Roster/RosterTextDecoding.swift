import Foundation

/// Decodes an uploaded roster to text: UTF-8 (a leading BOM is dropped) or GB18030, which is what Excel in
/// China exports. A declared `charset=gb18030` (or gbk/gb2312, which GB18030 contains) is honoured; otherwise
/// the bytes decide: valid UTF-8 is UTF-8, anything else is tried as GB18030 through glibc's iconv.
enum RosterTextDecoding {
    enum Failure: Error { case undecodable }

    static func decode(_ bytes: [UInt8], declaredCharset: String?) throws(Failure) -> String {
        let charset = declaredCharset?.lowercased()
        if let charset, ["gb18030", "gbk", "gb2312"].contains(charset) {
            guard let text = gb18030(bytes) else { throw .undecodable }
            return text
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        if charset == nil, let text = gb18030(bytes) { return text }
        throw .undecodable
    }

    /// GB18030 → UTF-8 with iconv; nil if the bytes are not GB18030.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)  // GB18030 never grows past 2× in UTF-8
        let produced: Int? = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)
    }
}
