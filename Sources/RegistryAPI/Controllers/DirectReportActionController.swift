import HTTPServer
import RegistryDomain

/// The bureau's steps on a direct report: acknowledge, then close. Each answers 200 with the report; a step its
/// status does not allow is a 409 naming the status. Every step is kept in the report's `history`.
///
/// - `POST /v1/reports/{id}/acknowledge`  acknowledgeDirectReport  regulator; optional `note`
/// - `POST /v1/reports/{id}/close`        closeDirectReport        regulator; `note` required
struct DirectReportActionController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/reports/{id}/acknowledge", .acknowledgeDirectReport, acknowledgeDirectReport)
        routes.protected(.post, "/v1/reports/{id}/close", .closeDirectReport, closeDirectReport)
    }

    @Sendable func acknowledgeDirectReport(_ context: RequestContext) async throws -> HTTPResponse {
        try await act(context, .acknowledge)
    }

    @Sendable func closeDirectReport(_ context: RequestContext) async throws -> HTTPResponse {
        try await act(context, .close)
    }

    private func act(_ context: RequestContext, _ action: DirectReportError.Action) async throws -> HTTPResponse {
        let id = try DirectReportController.pathID(context)
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let text = fields.string("note")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let note = try DirectReportTransition.note(text, for: action)
        let instant = try context.instant
        let caller = context.caller
        let request = context.request
        return try await services.mutate(context) { writer in
            guard let current = try writer.directReport(id: id),
                caller.covers(region: current.regionCode, uscc: current.report.uscc)
            else { throw Problem.notFound() }
            try EntityTag.requireMatch(request, current: DirectReportJSON.document(current).etag, required: false)
            let (next, transition) = try current.report.applying(
                action, at: instant, by: caller.actorLabel, note: note)
            try writer.save(next, transition: transition)
            guard let record = try writer.directReport(id: id) else { throw StoreError.notFound }
            let (body, etag) = DirectReportJSON.document(record)
            let kind = action == .acknowledge ? "acknowledged" : "closed"
            return MutationOutcome(
                response: HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json", "ETag": etag], bytes: body),
                audit: [
                    AuditNote(
                        action: "direct_report.\(action.rawValue)", resource: "direct_report/\(id)",
                        regionCode: record.regionCode, change: body)
                ],
                changes: [ChangeEvents.directReport(next, kind: kind, region: record.regionCode, at: context.now)])
        }
    }
}
