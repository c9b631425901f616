/// The first response to a creating POST, kept so that a retry with the same `Idempotency-Key` gets it again.
public struct IdempotentResponse: Sendable, Hashable {
    public var requestHash: String
    public var status: Int
    /// Header lines `Name: value`, joined by `\n`.
    public var headers: String
    public var body: [UInt8]
    public init(requestHash: String, status: Int, headers: String, body: [UInt8]) {
        self.requestHash = requestHash
        self.status = status
        self.headers = headers
        self.body = body
    }
}

public protocol IdempotencyReader {
    /// The response kept for `key` of `tokenID` since `notBefore` (an RFC 3339 instant), if any.
    func idempotentResponse(tokenID: Int64, key: String, notBefore: String) throws -> IdempotentResponse?
}

public protocol IdempotencyWriter {
    func save(_ response: IdempotentResponse, tokenID: Int64, key: String, at: String) throws
    /// Removes the responses kept before `before` (an RFC 3339 instant): past their retention they are never
    /// replayed, and their bodies (filings, with personal data) are not kept longer than needed.
    func removeIdempotentResponses(before: String) throws
}
