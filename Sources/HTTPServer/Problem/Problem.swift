/// An RFC 9457 problem detail: what went wrong, as `application/problem+json`.
///
/// Handlers throw a `Problem` (or any `ProblemConvertible` error) and the `Router` sends it.
/// Validation problems carry `errors`, each naming a field, as the registry's contract asks.
package struct Problem: Error, Sendable {
    package var status: HTTPStatus
    /// A URI reference naming the kind of problem; `about:blank` when the status says it all.
    package var type: String
    package var title: String
    package var detail: String?
    package var errors: [FieldError]
    /// When `errors` holds only the first of more (a large upload), how many there are in all (`error_total`) and
    /// of each code (`error_counts`), as RFC 9457 extension members.
    package var errorTotal: Int?
    package var errorCounts: [(code: String, count: Int)] = []
    /// Headers the problem's status needs: `Allow` on 405, `WWW-Authenticate` on 401, `Retry-After` on 429.
    package var headers: HTTPHeaders

    /// One violation inside a validation problem. `line` is for line-oriented input such as a CSV upload.
    package struct FieldError: Sendable, Hashable {
        package var field: String?
        package var code: String
        package var message: String
        package var line: Int?
        package init(field: String?, code: String, message: String, line: Int? = nil) {
            self.field = field
            self.code = code
            self.message = message
            self.line = line
        }
    }

    package init(
        _ status: HTTPStatus, type: String = "about:blank", title: String? = nil, detail: String? = nil,
        errors: [FieldError] = [], headers: HTTPHeaders = [:]
    ) {
        self.status = status
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// The problem as a response whose body names `requestID`, so an operator can find the log line.
    package func response(requestID: String) -> HTTPResponse {
        var json = JSONWriter()
        json.beginObject()
        json.member("type", type)
        json.member("title", title)
        json.member("status", status.code)
        if let detail { json.member("detail", detail) }
        if !requestID.isEmpty { json.member("request_id", requestID) }
        if !errors.isEmpty {
            json.key("errors")
            json.beginArray()
            for error in errors {
                json.beginObject()
                if let field = error.field { json.member("field", field) }
                json.member("code", error.code)
                json.member("message", error.message)
                if let line = error.line { json.member("line", line) }
                json.endObject()
            }
            json.endArray()
        }
        if let errorTotal {
            json.key("error_counts")
            json.beginObject()
            for (code, count) in errorCounts { json.member(code, count) }
            json.endObject()
            json.member("error_total", errorTotal)
        }
        json.endObject()
        var headers = self.headers
        headers.replaceOrAdd("Content-Type", "application/problem+json")
        return HTTPResponse(status: status, headers: headers, bytes: json.bytes)
    }
}

/// An error that knows its problem. Each layer's errors get this from the API module, never from below it.
package protocol ProblemConvertible: Error {
    var problem: Problem { get }
}

extension Problem: ProblemConvertible {
    package var problem: Problem { self }
}
