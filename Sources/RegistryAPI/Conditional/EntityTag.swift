import CryptoSupport
import HTTPServer

/// Strong entity tags derived from a representation's bytes (RFC 9110 §8.8.3), and the conditional requests
/// that use them: `If-None-Match` on GET (304), `If-Match` on changes (412, and 428 when it is required).
enum EntityTag {
    /// A value as wide as every tag `of` makes, for representations that carry their own tag.
    static let placeholder = "\"" + String(repeating: "0", count: 16) + "\""

    /// `"` + 16 hex digits of SHA-256 + `"`.
    static func of(_ bytes: [UInt8]) -> String {
        "\"" + String(SHA256.hex(bytes).prefix(16)) + "\""
    }

    /// Whether a list-valued `If-None-Match` / `If-Match` header matches `etag` (weak comparison for
    /// If-None-Match as RFC 9110 §13.1.2 says; `*` matches any current representation).
    static func listMatches(_ header: String, _ etag: String, weak: Bool) -> Bool {
        for candidate in header.split(separator: ",").map({ $0.trimmingSpaces() }) {
            if candidate == "*" { return true }
            let tag = weak && candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate
            if tag == etag { return true }
        }
        return false
    }

    /// A 200 with the body and its `ETag`, or a 304 when the client's `If-None-Match` already names it.
    static func respond(
        to request: HTTPRequest, body: [UInt8], etag: String? = nil, contentType: String = "application/json",
        extraHeaders: HTTPHeaders = [:]
    ) -> HTTPResponse {
        let tag = etag ?? of(body)
        var headers = extraHeaders
        headers.add("ETag", tag)
        if let condition = request.headers["If-None-Match"], listMatches(condition, tag, weak: true) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        headers.add("Content-Type", contentType)
        return HTTPResponse(status: .ok, headers: headers, bytes: body)
    }

    /// Checks `If-Match` against the current representation's tag before a change.
    /// - Throws: 428 when the header is missing and `required`; 412 when it does not match.
    static func requireMatch(_ request: HTTPRequest, current: String, required: Bool = true) throws(Problem) {
        guard let condition = request.headers["If-Match"] else {
            guard !required else {
                throw Problem(
                    .preconditionRequired, type: ProblemType.preconditionRequired,
                    detail: "send If-Match with the ETag you last read, so that no one else's change is overwritten")
            }
            return
        }
        guard listMatches(condition, current, weak: false) else {
            throw Problem(
                .preconditionFailed, type: ProblemType.preconditionFailed,
                detail: "the resource changed since you read it; read it again and retry", headers: ["ETag": current])
        }
    }
}
