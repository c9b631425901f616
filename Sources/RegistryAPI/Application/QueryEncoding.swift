import HTTPServer

/// A query parameter that is not valid percent-encoded UTF-8 is refused with a 400 naming it: answering as if it
/// were absent would return, say, an unfiltered list for a filter the client meant (RFC 3986 §2.1).
enum QueryEncoding {
    static func refuseMalformed(_ request: HTTPRequest) throws(Problem) {
        let names = request.queryParameters.malformed
        guard !names.isEmpty else { return }
        throw Problem(
            .badRequest, type: ProblemType.malformed,
            detail: names.count == 1
                ? "query parameter \(names[0]) is not valid percent-encoded UTF-8"
                : "\(names.count) query parameters are not valid percent-encoded UTF-8; see errors",
            errors: names.map {
                Problem.FieldError(
                    field: $0, code: "encoding", message: "\($0) is not valid percent-encoded UTF-8")
            })
    }
}
