/// The `type` URIs of the registry's problems, documented in openapi.yaml under `components/schemas/Problem`.
enum ProblemType {
    static let base = "https://cqo-registry.example.cn/problems/"
    static let validation = base + "validation"
    static let malformed = base + "malformed-request"
    static let notFound = base + "not-found"
    static let duplicate = base + "duplicate"
    static let conflict = base + "state-conflict"
    static let preconditionFailed = base + "precondition-failed"
    static let preconditionRequired = base + "precondition-required"
    static let unsupportedMediaType = base + "unsupported-media-type"
    static let unauthorized = base + "unauthorized"
    static let forbidden = base + "forbidden"
    static let rateLimited = base + "rate-limited"
    static let unavailable = base + "unavailable"
    static let idempotencyMismatch = base + "idempotency-key-reused"
}
