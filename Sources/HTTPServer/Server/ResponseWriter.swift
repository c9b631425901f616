import HTTP1

/// What the server needs to know about a request to frame its response.
struct ResponseContext: Sendable {
    var isHead: Bool
    var minorVersion: Int
    var keepAlive: Bool
    var requestID: String
    /// The request's fields; read only when needed (Accept-Encoding for a large compressible body).
    var requestHeaders: HTTPHeaders
    /// The request's `If-None-Match` as sent, when it named gzip-coded tags (`CodedEntityTags`).
    var codedIfNoneMatch: String? = nil

    var acceptsGzip: Bool { Gzip.isAccepted(by: requestHeaders.values(for: "Accept-Encoding")) }
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
        /// A streamed body to be gzipped piece by piece (`Content-Encoding: gzip` is already in the head).
        var gzipStream = false
    }

    /// Below this size the head and body are copied into one buffer; above it they go out as two (`writev`).
    static let coalesceLimit = 16 * 1024

    static func encode(
        _ response: HTTPResponse, for request: ResponseContext, close requestedClose: Bool, context: ServerContext
    ) -> Encoded {
        var close = requestedClose
        // One pass over the handler's fields: drop those the server owns, note the few it needs.
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(response.headers.count + 6)
        var contentType: String?
        var hasContentEncoding = false
        for field in response.headers {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.equalNames(field.name, "Date"): continue
            case 10 where HTTPHeaders.equalNames(field.name, "Connection"):
                if field.value.lowercased().contains("close") { close = true }
                continue
            case 12 where HTTPHeaders.equalNames(field.name, "X-Request-Id"): continue
            case 12 where HTTPHeaders.equalNames(field.name, "Content-Type"): contentType = field.value
            case 14 where HTTPHeaders.equalNames(field.name, "Content-Length"): continue
            case 16 where HTTPHeaders.equalNames(field.name, "Content-Encoding"): hasContentEncoding = true
            case 17 where HTTPHeaders.equalNames(field.name, "Transfer-Encoding"): continue
            default: break
            }
            fields.append(field)
        }
        let code = response.status.code
        let bodyless = (100..<200).contains(code) || code == 204 || code == 304  // RFC 9110 §6.4.1
        var body: [UInt8] = []
        var framing = Framing.none
        var gzipStream = false
        switch response.body {
        case .bytes(let bytes) where !bodyless:
            body = bytes
            let minimum = context.configuration.gzipMinimumSize
            if minimum > 0, body.count >= minimum, code != 206, !hasContentEncoding,
                Gzip.isCompressible(contentType: contentType)
            {
                fields.append((name: "Vary", value: "Accept-Encoding"))  // RFC 9110 §12.5.5
                if request.acceptsGzip, let compressed = Gzip.compress(body), compressed.count < body.count {
                    body = compressed
                    fields.append((name: "Content-Encoding", value: "gzip"))
                    Self.codeEntityTag(&fields)
                }
            }
            framing = .length(body.count)
        case .stream where !bodyless:
            let minimum = context.configuration.gzipMinimumSize
            if minimum > 0, code != 206, !hasContentEncoding, Gzip.isCompressible(contentType: contentType) {
                fields.append((name: "Vary", value: "Accept-Encoding"))
                if request.acceptsGzip {
                    fields.append((name: "Content-Encoding", value: "gzip"))
                    Self.codeEntityTag(&fields)
                    gzipStream = !request.isHead
                }
            }
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
            // A 304 for a tag the client had in its gzip-coded form names that form (the stored response's).
            if code == 304, let asked = request.codedIfNoneMatch {
                Self.codeEntityTag(&fields, when: asked.contains)
            }
        }
        var head: [UInt8] = []
        head.reserveCapacity(256 + (body.count <= coalesceLimit && !request.isHead ? body.count : 0))
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
        return Encoded(head: head, body: body, close: close, framing: framing, gzipStream: gzipStream)
    }

    /// Gives the response's strong `ETag` its gzip-coded form (`CodedEntityTags`), when `accepts` that form.
    private static func codeEntityTag(
        _ fields: inout [(name: String, value: String)], when accepts: (String) -> Bool = { _ in true }
    ) {
        guard let index = fields.firstIndex(where: { HTTPHeaders.equalNames($0.name, "ETag") }) else { return }
        let coded = CodedEntityTags.coded(fields[index].value)
        if accepts(coded) { fields[index].value = coded }
    }
}
