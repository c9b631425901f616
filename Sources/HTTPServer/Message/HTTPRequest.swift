/// One complete request as a handler sees it: head parsed, body read whole, target split and decoded.
package struct HTTPRequest: Sendable {
    package var method: HTTPMethod
    /// The request target as sent (origin-form; an absolute-form target is reduced to its path and query).
    package var target: String
    /// The path part of the target, still percent-encoded.
    package var path: String
    /// The query part of the target without `?`, still encoded; nil when there is none.
    package var query: String?
    /// Path segments, each percent-decoded exactly once. `%2F` stays inside its segment; `..` is just a segment.
    package var pathSegments: [String]
    /// `1.0` or `1.1`.
    package var version: HTTPVersion
    package var headers: HTTPHeaders
    package var body: [UInt8]
    /// The peer's address as text (`127.0.0.1`, `::1`), for rate limits and logs.
    package var remoteAddress: String
    /// The id the server gave this request (an accepted incoming `X-Request-Id`, or a new one).
    package var requestID: String
    /// True when the connection is TLS.
    package var isSecure: Bool
    /// What the responder's `admit` learnt from the head (its `HeadAdmission.admit` note), or nil.
    package var admission: (any Sendable)?

    package init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:],
        body: [UInt8] = [], remoteAddress: String = "127.0.0.1", requestID: String = "", isSecure: Bool = false
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
        self.isSecure = isSecure
        self.admission = nil
        let split = target.firstIndex(of: "?")
        self.path = split.map { String(target[..<$0]) } ?? target
        self.query = split.map { String(target[target.index(after: $0)...]) }
        self.pathSegments = PercentDecoding.segments(ofPath: self.path) ?? []
    }

    /// Query parameters decoded as `application/x-www-form-urlencoded` (`+` is a space).
    package var queryParameters: QueryParameters { QueryParameters(query ?? "") }
}

/// The protocol version of a request.
package struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    package let major: Int
    package let minor: Int
    package init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }
    package static let http1_0 = HTTPVersion(major: 1, minor: 0)
    package static let http1_1 = HTTPVersion(major: 1, minor: 1)
    package var description: String { "HTTP/\(major).\(minor)" }
}
