/// Parses a complete head whose line ends were already checked (RFC 9112 §3, §5, §6.3).
enum HeadParser {
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, requestLine: Range<Int>, headerSection: Range<Int>,
        limits: RequestDecoder.Limits
    ) throws(HTTPParseError) -> RequestHead {
        let line = try RequestLine.parse(UnsafeBufferPointer(rebasing: bytes[requestLine]))
        var fields = FieldSummary()
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(12)
        var lineStart = headerSection.lowerBound
        while lineStart < headerSection.upperBound {
            var lineEnd = lineStart
            while bytes[lineEnd] != ByteClass.cr || bytes[lineEnd + 1] != ByteClass.lf { lineEnd += 1 }
            let field = try FieldLine.parse(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
            try fields.note(field)
            headers.append((name: field.nameString, value: field.valueString))
            lineStart = lineEnd + 2
        }
        let framing = try fields.framing(minorVersion: line.minorVersion, limits: limits)
        // RFC 9112 §3.2: an HTTP/1.1 request has exactly one valid Host; more than one is refused in any version.
        if fields.hostCount > 1 || (line.minorVersion == 1 && fields.hostCount == 0) { throw .invalidHost }
        let keepAlive =
            line.minorVersion == 1 ? !fields.connectionClose : fields.connectionKeepAlive && !fields.connectionClose
        return RequestHead(
            method: line.method, target: line.target, minorVersion: line.minorVersion, headers: headers,
            framing: framing, keepAlive: keepAlive, expectsContinue: fields.expectsContinue)
    }
}

/// What the server needs to know from the fields, gathered while they are parsed.
struct FieldSummary {
    var contentLength: Int?
    var transferCodings: [String] = []
    var hasTransferEncoding = false
    var hostCount = 0
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false

    mutating func note(_ field: FieldLine) throws(HTTPParseError) {
        switch field.name.count {
        case 4 where ByteClass.equalsLowercased(field.name, "host"):
            hostCount += 1
            // RFC 9112 §3.2: a Host that is not a valid authority is answered 400, like a missing one.
            guard HostSyntax.isValid(field.value) else { throw .invalidHost }
        case 6 where ByteClass.equalsLowercased(field.name, "expect"):
            expectsContinue = expectsContinue || field.valueString.lowercased() == "100-continue"
        case 10 where ByteClass.equalsLowercased(field.name, "connection"):
            for token in FieldLine.listElements(field.valueString) {
                if token == "close" { connectionClose = true }
                if token == "keep-alive" { connectionKeepAlive = true }
            }
        case 14 where ByteClass.equalsLowercased(field.name, "content-length"):
            try noteContentLength(field.value)
        case 17 where ByteClass.equalsLowercased(field.name, "transfer-encoding"):
            hasTransferEncoding = true
            transferCodings.append(contentsOf: FieldLine.listElements(field.valueString))
        default:
            break
        }
    }

    /// RFC 9110 §8.6: digits only; a list or repeated field is accepted only when every value is the same.
    private mutating func noteContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var current: Int?
        var digits = 0
        func finish(_ current: Int?) throws(HTTPParseError) -> Int {
            guard let current else { throw .invalidContentLength }
            return current
        }
        var index = 0
        while index <= value.count {
            let byte: UInt8 = index < value.count ? value[index] : UInt8(ascii: ",")
            index += 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 18 else { throw .invalidContentLength }
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: ","):
                let length = try finish(current)
                if let contentLength, contentLength != length { throw .invalidContentLength }
                contentLength = length
                current = nil
                digits = 0
            case ByteClass.space, ByteClass.tab:
                if current != nil, index < value.count, value[index] != ByteClass.space,
                    value[index] != ByteClass.tab, value[index] != UInt8(ascii: ",")
                {
                    throw .invalidContentLength  // "1 2"
                }
            default:
                throw .invalidContentLength
            }
        }
    }

    /// RFC 9112 §6.1 and §6.3: the framing, refusing every ambiguous combination.
    func framing(minorVersion: Int, limits: RequestDecoder.Limits) throws(HTTPParseError) -> RequestHead.BodyFraming {
        if hasTransferEncoding {
            if contentLength != nil { throw .conflictingFraming }
            if minorVersion == 0 { throw .invalidTransferEncoding }
            guard let last = transferCodings.last, last == "chunked" else { throw .invalidTransferEncoding }
            if transferCodings.dropLast().contains("chunked") { throw .invalidTransferEncoding }
            if transferCodings.count > 1 { throw .unsupportedTransferEncoding }
            return .chunked
        }
        guard let contentLength else { return .none }
        if contentLength > limits.maxBodySize { throw .bodyTooLarge }
        return contentLength == 0 ? .none : .length(contentLength)
    }
}
