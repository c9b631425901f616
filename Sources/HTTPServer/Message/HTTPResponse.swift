/// A response as a handler makes it. The server adds `Date`, `Content-Length` or chunked framing,
/// `Connection`, `X-Request-Id`, and compresses when the client accepts gzip and the body is large enough.
package struct HTTPResponse: Sendable {
    package var status: HTTPStatus
    package var headers: HTTPHeaders
    package var body: HTTPBody
    /// The route template that served it (`/v1/enterprises/{uscc}`), set by the `Router` for metrics; never sent.
    package var route: String?

    package init(status: HTTPStatus, headers: HTTPHeaders = [:], body: HTTPBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    package init(status: HTTPStatus, headers: HTTPHeaders = [:], bytes: [UInt8]) {
        self.init(status: status, headers: headers, body: .bytes(bytes))
    }
}

/// A response body: bytes known up front, or a stream written piece by piece (CSV exports), sent chunked.
package enum HTTPBody: Sendable {
    case bytes([UInt8])
    case stream(HTTPBodyStream)

    package static let empty = HTTPBody.bytes([])
}

/// A body produced while it is sent, so that a large export never sits whole in memory.
package struct HTTPBodyStream: Sendable {
    package let produce: @Sendable (any HTTPBodyWriter) async throws -> Void
    package init(_ produce: @escaping @Sendable (any HTTPBodyWriter) async throws -> Void) { self.produce = produce }
}

/// Where a streamed body goes. `write` returns once the bytes are handed to the connection (back-pressure).
package protocol HTTPBodyWriter: Sendable {
    func write(_ bytes: [UInt8]) async throws
}
