import HTTPServer

/// Reads a request body as a JSON object, answering 415 for another media type and 400 for malformed JSON.
enum JSONBody {
    /// The body's members. `mediaTypes` are the acceptable `Content-Type`s (parameters such as charset ignored).
    static func object(_ request: HTTPRequest, mediaTypes: [String] = ["application/json"]) throws(Problem)
        -> [(String, JSONValue)]
    {
        guard case .object(let members) = try value(request, mediaTypes: mediaTypes) else {
            throw Problem(.badRequest, type: ProblemType.malformed, detail: "the body must be a JSON object")
        }
        return members
    }

    /// The body as a JSON array (a whole list replaced at once, such as a session's attendance).
    static func array(_ request: HTTPRequest) throws(Problem) -> [JSONValue] {
        guard case .array(let items) = try value(request, mediaTypes: ["application/json"]) else {
            throw Problem(.badRequest, type: ProblemType.malformed, detail: "the body must be a JSON array")
        }
        return items
    }

    private static func value(_ request: HTTPRequest, mediaTypes: [String]) throws(Problem) -> JSONValue {
        let contentType = request.headers["Content-Type"].map(MediaType.essence) ?? ""
        guard mediaTypes.contains(contentType) else {
            // RFC 5789 §2.2: a 415 to a PATCH names the patch formats taken; other methods have no such field.
            let headers: HTTPHeaders =
                request.method == .patch ? ["Accept-Patch": mediaTypes.joined(separator: ", ")] : [:]
            throw Problem(
                .unsupportedMediaType, type: ProblemType.unsupportedMediaType,
                detail: "send the body as \(mediaTypes.joined(separator: " or "))", headers: headers)
        }
        do {
            return try JSONParser.parse(request.body)
        } catch {
            throw Problem(
                .badRequest, type: ProblemType.malformed,
                detail: "the body is not valid JSON: \(error.reason) at byte \(error.offset)")
        }
    }
}

extension JSONBody {
    /// Like `object`, but an empty body (no `Content-Type` needed) is an empty object: for actions whose
    /// fields are all optional.
    static func optionalObject(_ request: HTTPRequest) throws(Problem) -> [(String, JSONValue)] {
        request.body.isEmpty ? [] : try object(request)
    }
}

/// Media type handling (RFC 9110 §8.3.1).
enum MediaType {
    /// `type/subtype` in lower case, without parameters.
    static func essence(_ value: String) -> String {
        (value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces() } ?? "").lowercased()
    }
}
