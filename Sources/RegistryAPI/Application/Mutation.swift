import CryptoSupport
import HTTPServer
import RegistryDomain

/// What a change produced: the response to send, and what the audit log must say about it.
struct MutationOutcome: Sendable {
    var response: HTTPResponse
    var audit: [AuditNote]
    /// Entries for the change feed (`GET /v1/events`), appended in the same transaction.
    var changes: [ChangeEvent] = []
    /// What an `Idempotency-Key` replay answers instead of the response's body, when that body holds what must be
    /// shown once and never stored (a new token's secret).
    var replayBody: [UInt8]? = nil
}

extension Services {
    /// Runs one use case as one transaction: the idempotency check, the change, its audit entries, its change-feed
    /// events and the kept response commit together or not at all. Long-polling feed readers of those events'
    /// regions are woken after. Kept responses older than `idempotencyRetentionSeconds` are removed in the same
    /// transaction.
    ///
    /// With `replayScope` (an idempotent use case) and an `Idempotency-Key` header, a repeat with the same key and
    /// body returns the first response (status and body) if `replayScope` still lets the caller see it; the same
    /// key with a different body is a 422.
    func mutate(
        _ context: RequestContext, replayScope: ReplayScope? = nil,
        _ work: @escaping @Sendable (any RegistryWriter) throws -> MutationOutcome
    ) async throws -> HTTPResponse {
        let key = replayScope != nil ? try idempotencyKey(context.request) : nil
        let requestHash = SHA256.hex(
            Array("\(context.request.method) \(context.request.path)\n".utf8) + context.request.body)
        let notBefore = RegistryClock.rfc3339(
            clock.epochMilliseconds() - configuration.idempotencyRetentionSeconds * 1000)
        let caller = context.caller
        let (response, regions) = try await storage.write { writer -> (HTTPResponse, [RegionCode]) in
            try writer.removeIdempotentResponses(before: notBefore)
            if let key, let replayScope,
                let kept = try writer.idempotentResponse(tokenID: caller.tokenID, key: key, notBefore: notBefore)
            {
                guard kept.requestHash == requestHash else {
                    throw Problem(
                        .unprocessableContent, type: ProblemType.idempotencyMismatch,
                        detail: "this Idempotency-Key was used with a different request",
                        errors: [
                            .init(field: "Idempotency-Key", code: "reused", message: "use a new key for a new request")
                        ])
                }
                let response = Self.replay(kept)
                try replayScope.check(writer, response.headers["Location"])
                return (response, [])
            }
            let outcome = try work(writer)
            for note in outcome.audit {
                try writer.append(note.entry(by: caller, requestID: context.request.requestID, at: context.now))
            }
            for change in outcome.changes { try writer.append(change) }
            if let key, case .bytes(let body) = outcome.response.body {
                let headers = outcome.response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
                try writer.save(
                    IdempotentResponse(
                        requestHash: requestHash, status: outcome.response.status.code, headers: headers,
                        body: outcome.replayBody ?? body),
                    tokenID: caller.tokenID, key: key, at: context.now)
            }
            return (outcome.response, outcome.changes.map(\.regionCode))
        }
        // Long-polling feed readers whose scope holds one of the new events wake up.
        if !regions.isEmpty { changes.notify(regions: regions) }
        return response
    }

    private func idempotencyKey(_ request: HTTPRequest) throws(Problem) -> String? {
        guard let key = request.headers["Idempotency-Key"] else { return nil }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Problem(
                .badRequest, type: ProblemType.malformed, detail: "Idempotency-Key is 1 to 255 visible ASCII characters"
            )
        }
        return key
    }

    private static func replay(_ kept: IdempotentResponse) -> HTTPResponse {
        var headers = HTTPHeaders()
        for line in kept.headers.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers.add(String(parts[0]), parts[1].trimmingSpaces()) }
        }
        headers.add("Idempotent-Replayed", "true")
        return HTTPResponse(status: HTTPStatus(code: kept.status), headers: headers, bytes: kept.body)
    }
}
