/// A parsed request head: the request line, the fields, and the framing they imply.
package struct RequestHead: Sendable {
    /// How the body is delimited (RFC 9112 §6.3).
    package enum BodyFraming: Sendable, Equatable {
        case none
        case length(Int)
        case chunked
    }

    /// The method token, as sent (methods are case-sensitive, RFC 9110 §9.1).
    package var method: String
    /// The target in origin-form: an absolute-form target is reduced to path and query (RFC 9112 §3.2.2).
    package var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    package var minorVersion: Int
    /// The header fields in order, values trimmed of surrounding white space.
    package var headers: [(name: String, value: String)]
    /// The body framing.
    package var framing: BodyFraming
    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    package var keepAlive: Bool
    /// `Expect: 100-continue` was sent (RFC 9110 §10.1.1).
    package var expectsContinue: Bool

    /// Makes a head (the decoder does; tests may too).
    package init(
        method: String, target: String, minorVersion: Int, headers: [(name: String, value: String)],
        framing: BodyFraming, keepAlive: Bool, expectsContinue: Bool
    ) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.headers = headers
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }
}
