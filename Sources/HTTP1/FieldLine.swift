/// One `field-name ":" OWS field-value OWS` line (RFC 9112 §5), as slices of the input.
struct FieldLine {
    var name: UnsafeBufferPointer<UInt8>
    var value: UnsafeBufferPointer<UInt8>

    var nameString: String { String(decoding: name, as: UTF8.self) }
    var valueString: String { String(decoding: value, as: UTF8.self) }

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> FieldLine {
        guard let first = line.first else { throw .invalidHeaderName }
        // RFC 9112 §5.2: a server rejects obs-fold with 400.
        if ByteClass.isWhitespace(first) { throw .obsoleteLineFolding }
        var position = 0
        while position < line.count, ByteClass.isToken(line[position]) { position += 1 }
        // RFC 9112 §5.1: no white space between the name and the colon.
        guard position > 0, position < line.count, line[position] == ByteClass.colon else {
            if position < line.count, !ByteClass.isFieldValue(line[position]) { throw .invalidHeaderValue }
            throw .invalidHeaderName
        }
        let name = UnsafeBufferPointer(rebasing: line[0..<position])
        var start = position + 1
        var end = line.count
        for index in start..<end where !ByteClass.isFieldValue(line[index]) { throw .invalidHeaderValue }
        while start < end, ByteClass.isWhitespace(line[start]) { start += 1 }
        while end > start, ByteClass.isWhitespace(line[end - 1]) { end -= 1 }
        return FieldLine(name: name, value: UnsafeBufferPointer(rebasing: line[start..<end]))
    }

    /// The comma-separated elements of a list value, trimmed and lower-cased (RFC 9110 §5.6.1).
    static func listElements(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { element in
            let trimmed = element.trimmingCharacters(in: " \t")
            return trimmed.isEmpty ? nil : trimmed.lowercased()
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
