import HTTPServer
import RegistryDomain

/// Supervision (dynamic management, 001 §(十三)): interviews, warnings and exits, for regulators only.
///
/// - `POST /v1/appointments/{id}/supervision-actions`  createSupervisionAction  regulator; `exit` removes
/// - `GET  /v1/supervision-actions`                    listSupervisionActions   regulator; filters
struct SupervisionController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(
            .post, "/v1/appointments/{id}/supervision-actions", .createSupervisionAction, createSupervisionAction)
        routes.protected(.get, "/v1/supervision-actions", .listSupervisionActions, listSupervisionActions)
    }

    @Sendable func createSupervisionAction(_ context: RequestContext) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        var fields = JSONFields(try JSONBody.object(context.request))
        let draft = SupervisionAction.Draft(
            kind: fields.string("kind"), reason: fields.string("reason"), occurredOn: fields.string("occurred_on"),
            serious: fields.bool("serious"))
        fields.refuseUnread(readOnly: ["id", "appointment_id", "actor", "at"])
        try fields.problems.throwIfAny()
        let validated = try SupervisionAction.validated(draft, id: 0, appointmentID: id, today: context.today)
        let appointments = AppointmentUseCases()
        let actor = context.caller.actorLabel
        let now = context.now
        return try await services.perform(
            context, replayScope: .appointment(id, context.caller),
            respond: { action in
                let body = Self.encode(action, actor: actor, at: now)
                return HTTPResponse(
                    status: .created,
                    headers: [
                        "Content-Type": "application/json", "ETag": EntityTag.of(body),
                        "Location": "/v1/supervision-actions?appointment_id=\(id)",
                    ],
                    bytes: body)
            }
        ) { writer in try appointments.supervise(appointment: id, with: validated, in: writer, context) }
    }

    @Sendable func listSupervisionActions(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        var query = SupervisionActionQuery()
        let names: Set<String> = ["appointment_id", "uscc", "kind", "region", "from", "to", "limit", "cursor"]
        parameters.refuseUnknown(names, into: &problems)
        query.regionPrefixes = parameters.regionPrefixes(within: context.caller, into: &problems)
        if let text = parameters["appointment_id"] {
            query.appointmentID = Int64(text)
            if query.appointmentID == nil { problems.add("appointment_id", "type", "appointment_id is a whole number") }
        }
        if let text = parameters["uscc"] {
            query.uscc = problems.check { () throws(ValidationFailure) in try USCC(text, field: "uscc") }
        }
        if let text = parameters["kind"] {
            query.kind = SupervisionKind(rawValue: text)
            if query.kind == nil { problems.add("kind", "unknown", "kind is interview, warning or exit") }
        }
        query.from =
            problems.check { () throws(ValidationFailure) in
                try parameters["from"].map { text throws(ValidationFailure) in try CivilDate.parsed(text, field: "from")
                }
            } ?? nil
        query.to =
            problems.check { () throws(ValidationFailure) in
                try parameters["to"].map { text throws(ValidationFailure) in try CivilDate.parsed(text, field: "to") }
            } ?? nil
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        query.afterID = page.afterID(into: &problems)
        try problems.throwIfAny()
        let records = try services.storage.read { try $0.supervisionActions(query) }
        let next = records.count == query.limit ? records.last.map { String($0.action.id) } : nil
        let items = records.map { Self.encode($0.action, actor: $0.actor, at: $0.at) }
        return Page.response(request: context.request, items: items, nextKey: next)
    }

    static func encode(_ action: SupervisionAction, actor: String, at: String) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("actor", actor)
        json.member("appointment_id", Int(action.appointmentID))
        json.member("at", at)
        json.member("id", Int(action.id))
        json.member("kind", action.kind.rawValue)
        json.member("occurred_on", action.occurredOn.description)
        json.member("reason", action.reason)
        json.member("serious", action.serious)
        json.endObject()
        return json.bytes
    }
}
