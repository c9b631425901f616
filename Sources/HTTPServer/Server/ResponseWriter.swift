import HTTP1

/// What the server needs to know about a request to frame its response.
struct ResponseContext: Sendable {
    var isHead: Bool
    var minorVersion: Int
    var keepAlive: Bool
    var requestID: String
    var acceptsGzip: Bool
}

/// Turns a handler's response into wire bytes, adding the fields the server owns (RFC 9110 §6.6, RFC 9112 §6).
enum ResponseWriter {
    /// How the body goes out.
    enum Framing {
        case length(Int)
        case chunked
        /// Until the connection closes (a stream to an HTTP/1.0 client).
        case closeDelimited
        case none
    }

    /// The head, the bytes of body that follow it, and whether the connection closes afterwards.
    struct Encoded {
        var head: [UInt8]
        var body: [UInt8]
        var close: Bool
        var framing: Framing
    }

    /// Below this size the head and body are copied into one buffer; above it they go out as two (`writev`).
    static let coalesceLimit = 16 * 1024

    static func encode(
        _ response: HTTPResponse, for request: ResponseContext, close requestedClose: Bool, context: ServerContext
    ) -> Encoded {
        var close = requestedClose
        var headers = response.headers
        if headers.tokens(for: "Connection").contains("close") { close = true }
        for name in ["Connection", "Content-Length", "Transfer-Encoding", "Date", "X-Request-Id"] {
            if headers.contains(name) { headers.remove(name) }
        }
        let code = response.status.code
        let bodyless = (100..<200).contains(code) || code == 204 || code == 304  // RFC 9110 §6.4.1
        var body: [UInt8] = []
        var framing = Framing.none
        switch response.body {
        case .bytes(let bytes) where !bodyless:
            body = bytes
            if context.configuration.gzipMinimumSize > 0, body.count >= context.configuration.gzipMinimumSize,
                code != 206, !headers.contains("Content-Encoding"),
                Gzip.isCompressible(contentType: headers["Content-Type"])
            {
                headers.add("Vary", "Accept-Encoding")  // RFC 9110 §12.5.5: the choice depends on it
                if request.acceptsGzip, let compressed = Gzip.compress(body), compressed.count < body.count {
                    body = compressed
                    headers.add("Content-Encoding", "gzip")
                }
            }
            framing = .length(body.count)
        case .stream where !bodyless:
            if request.isHead {
                framing = .none
            } else if request.minorVersion >= 1 {
                framing = .chunked
            } else {
                framing = .closeDelimited
                close = true
            }
        default:
            framing = .none
        }
        var head: [UInt8] = []
        head.reserveCapacity(256 + (body.count <= coalesceLimit && !request.isHead ? body.count : 0))
        var fields = headers.fields
        fields.append((name: "Date", value: context.dates.current))
        fields.append((name: "X-Request-Id", value: request.requestID))
        switch framing {
        case .length(let length): fields.append((name: "Content-Length", value: String(length)))
        case .chunked: fields.append((name: "Transfer-Encoding", value: "chunked"))
        case .closeDelimited, .none: break
        }
        if close {
            fields.append((name: "Connection", value: "close"))
        } else if request.minorVersion == 0 {
            fields.append((name: "Connection", value: "keep-alive"))  // RFC 9112 §9.3: 1.0 must opt in
        }
        ResponseEncoder.encodeHead(into: &head, code: code, reason: response.status.reasonPhrase, headers: fields)
        if request.isHead { body = [] }  // RFC 9110 §9.3.2: same fields, no content
        if !body.isEmpty, body.count <= coalesceLimit {
            head.append(contentsOf: body)
            body = []
        }
        return Encoded(head: head, body: body, close: close, framing: framing)
    }
}
