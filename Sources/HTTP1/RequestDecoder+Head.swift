/// Progress through an incomplete head. Offsets are relative to the decoder's `index`, so compaction is safe.
struct HeadScan: Sendable {
    /// The next byte to examine.
    var scanned = 0
    /// Where the current line starts.
    var lineStart = 0
    /// Where the request line starts (after ignored empty lines, RFC 9112 §2.2).
    var requestLineStart = 0
    /// Where the header section starts; nil while the request line is incomplete.
    var headerSectionStart: Int?
    var headerCount = 0
    var emptyLinesSkipped = 0
}

extension RequestDecoder {
    /// Finds the end of the head within the limits, then parses it. Nil: more bytes are needed.
    mutating func scanHead(_ scan: inout HeadScan) throws(HTTPParseError) -> RequestHead? {
        let limits = self.limits
        let start = index
        let end: Int? = try buffer.withUnsafeBufferPointer { all throws(HTTPParseError) -> Int? in
            let bytes = UnsafeBufferPointer(rebasing: all[start...])
            while scan.scanned < bytes.count {
                let position = scan.scanned
                scan.scanned += 1
                // Limits are checked at each byte, so that the same bytes fail the same way however they arrive.
                if let sectionStart = scan.headerSectionStart {
                    if position + 1 - sectionStart > limits.maxHeaderSectionSize { throw .headerSectionTooLarge }
                } else if position - scan.lineStart > limits.maxRequestLineLength + 1 {
                    throw .requestLineTooLong
                }
                guard bytes[position] == ByteClass.lf else { continue }
                // RFC 9112 §2.2: every line ends in CRLF; a bare LF is refused (as a bare CR is, later).
                guard position > scan.lineStart, bytes[position - 1] == ByteClass.cr else {
                    throw .invalidLineEnding
                }
                let length = position - 1 - scan.lineStart
                if scan.headerSectionStart != nil {
                    if length == 0 { return position + 1 }
                    scan.headerCount += 1
                    if scan.headerCount > limits.maxHeaderCount { throw .tooManyHeaders }
                } else if length == 0 {
                    // RFC 9112 §2.2: ignore at least one empty line before the request line.
                    scan.emptyLinesSkipped += 1
                    if scan.emptyLinesSkipped > 4 { throw .invalidRequestLine }
                    scan.requestLineStart = position + 1
                } else {
                    scan.headerSectionStart = position + 1
                }
                scan.lineStart = position + 1
            }
            return nil
        }
        guard let end, let sectionStart = scan.headerSectionStart else { return nil }
        let head = try buffer.withUnsafeBufferPointer { all throws(HTTPParseError) -> RequestHead in
            let bytes = UnsafeBufferPointer(rebasing: all[start..<(start + end)])
            return try HeadParser.parse(
                bytes, requestLine: scan.requestLineStart..<(sectionStart - 2), headerSection: sectionStart..<(end - 2),
                limits: limits)
        }
        index += end
        return head
    }
}
