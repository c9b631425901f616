/// What a responder decides from a request's head, before the server reads its body (`HTTPResponder.admit`).
package enum HeadAdmission: Sendable {
    /// Read the body, at most `maxBodySize` bytes (nil, or more than the server's `maxBodySize`: the server's
    /// limit), then hand the request to `respond` with `note` as its `admission`. A `Content-Length` above the
    /// limit is answered 413 at once; a chunked body is cut with 413 when it passes the limit.
    case admit(maxBodySize: Int? = nil, note: (any Sendable)? = nil)
    /// Answer with this response without reading the body; a connection with an unread body then closes.
    case refuse(HTTPResponse)
}
