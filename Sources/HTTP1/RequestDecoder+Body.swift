/// Where the decoder is within a body (RFC 9112 §6.3, §7.1).
enum BodyState: Sendable {
    case fixed(remaining: Int)
    case chunkLine
    case chunkData(remaining: Int)
    case chunkDataEnd
    case trailers(fieldCount: Int, sectionSize: Int)
}

extension RequestDecoder {
    /// Moves what has arrived into `body`. True once the body is complete.
    mutating func decodeBody(_ state: inout BodyState) throws(HTTPParseError) -> Bool {
        while true {
            switch state {
            case .fixed(let remaining):
                let taken = takeBody(upTo: remaining)
                guard taken == remaining else {
                    state = .fixed(remaining: remaining - taken)
                    return false
                }
                return true
            case .chunkLine:
                guard let line = try nextLine(limit: limits.maxChunkLineLength) else { return false }
                let size = try ChunkLine.size(of: line)
                index += line.count + 2
                if size == 0 {
                    state = .trailers(fieldCount: 0, sectionSize: 0)
                } else {
                    if size > bodyLimit - bodyBytesReceived { throw .bodyTooLarge }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let taken = takeBody(upTo: remaining)
                guard taken == remaining else {
                    state = .chunkData(remaining: remaining - taken)
                    return false
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard buffer.count - index >= 2 else {
                    if buffer.count > index, buffer[index] != ByteClass.cr { throw .invalidChunk }
                    return false
                }
                guard buffer[index] == ByteClass.cr, buffer[index + 1] == ByteClass.lf else { throw .invalidChunk }
                index += 2
                state = .chunkLine
            case .trailers(let count, let size):
                // RFC 9112 §7.1.2: trailer fields parse like header fields; they are checked, then dropped.
                let room = limits.maxHeaderSectionSize - size
                guard let line = try nextLine(limit: room, error: .headerSectionTooLarge) else { return false }
                index += line.count + 2
                if line.isEmpty { return true }
                let valid = try line.withUnsafeBufferPointer { bytes throws(HTTPParseError) -> Bool in
                    _ = try FieldLine.parse(bytes)
                    return true
                }
                guard valid, count + 1 <= limits.maxHeaderCount else { throw .tooManyHeaders }
                state = .trailers(fieldCount: count + 1, sectionSize: size + line.count + 2)
            }
        }
    }

    /// Appends up to `count` buffered bytes to `body`; returns how many.
    private mutating func takeBody(upTo count: Int) -> Int {
        let taken = min(count, buffer.count - index)
        guard taken > 0 else { return 0 }
        body.append(contentsOf: buffer[index..<(index + taken)])
        index += taken
        bodyBytesReceived += taken
        return taken
    }

    /// The next CRLF-terminated line (without CRLF), or nil if it is not all here yet.
    /// - Throws: `error` when no line ends within `limit` bytes; `.invalidLineEnding` for a bare LF.
    private func nextLine(
        limit: Int, error: HTTPParseError = .invalidChunk
    ) throws(HTTPParseError) -> ArraySlice<UInt8>? {
        var position = index
        let end = min(buffer.count, index + limit + 2)
        while position < end, buffer[position] != ByteClass.lf { position += 1 }
        guard position < end else {
            if end - index >= limit + 2 { throw error }
            return nil
        }
        guard position > index, buffer[position - 1] == ByteClass.cr else { throw .invalidLineEnding }
        return buffer[index..<(position - 1)]
    }
}

/// `chunk-size [ chunk-ext ] CRLF` (RFC 9112 §7.1, §7.1.1).
enum ChunkLine {
    /// The chunk size; extensions are checked for control bytes and otherwise ignored.
    static func size(of line: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        var size = 0
        var digits = 0
        var position = line.startIndex
        while position < line.endIndex, let value = hexValue(line[position]) {
            digits += 1
            // 15 hex digits stay far below Int.max; anything longer is an attack, not a body.
            guard digits <= 15 else { throw .invalidChunk }
            size = size << 4 | value
            position += 1
        }
        guard digits > 0 else { throw .invalidChunk }
        while position < line.endIndex, ByteClass.isWhitespace(line[position]) { position += 1 }
        guard position < line.endIndex else { return size }
        guard line[position] == UInt8(ascii: ";") else { throw .invalidChunk }
        for byte in line[position...] where !ByteClass.isFieldValue(byte) { throw .invalidChunk }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
