import HTTPServer

/// How large a route's request body may be, decided from the head before any of it is read (`Routes`).
enum BodyLimit: Sendable {
    /// No body: `GET`, `DELETE` and the like (an empty one is fine).
    case none
    /// A JSON document: `RegistryAPIConfiguration.jsonBodyLimit` (1 MiB by default).
    case json
    /// A document's bytes: `documentSizeLimit`.
    case document
    /// A JSON document carrying one document in base64: the two limits above, the document grown by a third.
    case jsonWithDocument
    /// A roster file: the server's own `maxBodySize` (`serve --max-body`).
    case bulk
    /// A class's exam results: `examImportSizeLimit` (8 MiB by default).
    case examResults

    /// The limit in bytes; nil for the server's own.
    func bytes(_ configuration: RegistryAPIConfiguration) -> Int? {
        switch self {
        case .none: 0
        case .json: configuration.jsonBodyLimit
        case .document: configuration.documentSizeLimit
        case .jsonWithDocument:
            configuration.jsonBodyLimit + (configuration.documentSizeLimit + 2) / 3 * 4
        case .bulk: nil
        case .examResults: configuration.examImportSizeLimit
        }
    }

    /// JSON for methods that carry a body, none for the others.
    static func `default`(for method: HTTPMethod) -> BodyLimit {
        switch method {
        case .post, .put, .patch: .json
        default: .none
        }
    }
}
