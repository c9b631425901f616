/// An incremental HTTP/1.1 request decoder (RFC 9112) with limits, and no I/O.
///
/// Feed it bytes as they arrive with `append`, then call `next()` until it returns nil (it needs more bytes).
/// Each request yields `.head` as soon as its head is complete (so that a server can answer `100 Continue`
/// or refuse the body), then `.end` with the whole body. Pipelined requests come out one after another.
/// Any error leaves the decoder failed for good: the connection must close.
///
/// ```swift
/// var decoder = RequestDecoder(limits: .init())
/// decoder.append(bytes)
/// while let event = try decoder.next() { ... }
/// ```
package struct RequestDecoder: Sendable {
    /// Size limits; every field has a default.
    package struct Limits: Sendable {
        /// The longest request line, CRLF excluded. The default is 8 KiB.
        package var maxRequestLineLength = 8 * 1024
        /// The largest header section (after the request line), and the largest trailer section. 16 KiB.
        package var maxHeaderSectionSize = 16 * 1024
        /// The most header fields (and trailer fields). The default is 100.
        package var maxHeaderCount = 100
        /// The largest body, `Content-Length` or chunked. The default is 10 MiB plus 64 KiB of envelope.
        package var maxBodySize = 10 * 1024 * 1024 + 64 * 1024
        /// The longest chunk-size line with its extensions. The default is 4 KiB.
        package var maxChunkLineLength = 4 * 1024

        /// The defaults above.
        package init() {}
    }

    /// What `next()` found.
    package enum Event: Sendable {
        /// A complete head; the body (if any) follows.
        case head(RequestHead)
        /// The end of the request begun by the last `.head`, with its whole body (trailers are dropped).
        case end(body: [UInt8])
    }

    enum State: Sendable {
        case head(HeadScan)
        case body(BodyState)
        case failed(HTTPParseError)
    }

    /// The limits this decoder enforces.
    package let limits: Limits
    var buffer: [UInt8] = []
    /// The first byte not yet consumed.
    var index = 0
    var state: State = .head(HeadScan())
    var body: [UInt8] = []
    /// Body bytes received so far for the current request (chunk framing excluded).
    package internal(set) var bodyBytesReceived = 0
    /// The largest body the current request may have: `limits.maxBodySize` unless `limitBody(to:)` lowered it.
    package internal(set) var bodyLimit: Int

    /// A decoder at the start of a connection.
    package init(limits: Limits) {
        self.limits = limits
        self.bodyLimit = limits.maxBodySize
    }

    /// Adds bytes read from the connection.
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes read from the connection.
    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next event, or nil when more bytes are needed.
    /// - Throws: `HTTPParseError`; the same error again on every later call.
    package mutating func next() throws(HTTPParseError) -> Event? {
        do throws(HTTPParseError) {
            switch state {
            case .failed(let error):
                throw error
            case .head(var scan):
                guard let head = try scanHead(&scan) else {
                    state = .head(scan)
                    return nil
                }
                bodyBytesReceived = 0
                bodyLimit = limits.maxBodySize
                switch head.framing {
                case .none: state = .body(.fixed(remaining: 0))
                case .length(let length):
                    body.reserveCapacity(min(length, 64 * 1024))
                    state = .body(.fixed(remaining: length))
                case .chunked: state = .body(.chunkLine)
                }
                return .head(head)
            case .body(var bodyState):
                guard try decodeBody(&bodyState) else {
                    state = .body(bodyState)
                    return nil
                }
                let complete = body
                body = []
                state = .head(HeadScan())
                compact()
                return .end(body: complete)
            }
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// Lowers the body limit of the request whose `.head` was just returned (never above `limits.maxBodySize`):
    /// a server that has looked at the head admits a body this large. A `Content-Length` above it fails at once,
    /// before any body byte is taken; a chunked body fails when its chunks pass it.
    /// - Throws: `.bodyTooLarge`; the decoder is then failed for good.
    package mutating func limitBody(to maxBytes: Int) throws(HTTPParseError) {
        bodyLimit = min(max(0, maxBytes), limits.maxBodySize)
        guard case .body(.fixed(let remaining)) = state, bodyBytesReceived == 0, remaining > bodyLimit else { return }
        state = .failed(.bodyTooLarge)
        throw .bodyTooLarge
    }

    /// True when no byte of a next request has arrived: between requests on a keep-alive connection.
    package var isIdle: Bool {
        if case .head = state { return index == buffer.count }
        return false
    }

    /// True while a head is incomplete (the head timeout applies).
    package var isReadingHead: Bool {
        if case .head = state { return index < buffer.count }
        return false
    }

    /// True while a body is being received (the body rate applies).
    package var isReadingBody: Bool {
        if case .body = state { return true }
        return false
    }

    /// Bytes received and not yet consumed.
    package var bufferedByteCount: Int { buffer.count - index }

    /// Drops consumed bytes and gives back a large buffer's memory once it is empty.
    mutating func compact() {
        guard index > 0 else { return }
        if index == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 16 * 1024)
        } else if index >= 4096 || index * 2 >= buffer.count {
            buffer.removeSubrange(0..<index)
        } else {
            return
        }
        index = 0
    }
}
