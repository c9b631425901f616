import HTTPServer
import RegistryDomain

/// What a use case did inside its transaction: the value it produced, and what the audit log and the change feed
/// must say about it. The use case decides and writes; the controller that asked encodes the value.
struct UseCaseResult<Value: Sendable>: Sendable {
    var value: Value
    var audit: [AuditNote]
    var changes: [ChangeEvent] = []
}

extension Services {
    /// Runs the named use case `work` as one transaction (`mutate`: idempotency, audit entries, change-feed events
    /// and the kept reply commit together) and answers with `respond(value)`.
    func perform<Value: Sendable>(
        _ context: RequestContext, replayScope: ReplayScope? = nil,
        respond: @escaping @Sendable (Value) -> HTTPResponse,
        _ work: @escaping @Sendable (any RegistryWriter) throws -> UseCaseResult<Value>
    ) async throws -> HTTPResponse {
        try await mutate(context, replayScope: replayScope) { writer in
            let result = try work(writer)
            return MutationOutcome(response: respond(result.value), audit: result.audit, changes: result.changes)
        }
    }
}
