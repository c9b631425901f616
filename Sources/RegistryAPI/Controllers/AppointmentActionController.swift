import HTTPServer
import RegistryDomain

/// The filing's lifecycle actions (DOMAIN.md "Appointments and filing"). Each answers 200 with the updated
/// appointment; an action its status does not allow is a 409 naming the status.
///
/// - `POST /v1/appointments/{id}/register`  registerAppointment  regulator (supersedes the earlier holder)
/// - `POST /v1/appointments/{id}/return`    returnAppointment    regulator; `reason` required
/// - `POST /v1/appointments/{id}/resubmit`  resubmitAppointment  that enterprise; the corrected filing
/// - `POST /v1/appointments/{id}/dismiss`   dismissAppointment   that enterprise, regulator; `ended_on`, `reason`
struct AppointmentActionController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/appointments/{id}/register", .registerAppointment, registerAppointment)
        routes.protected(.post, "/v1/appointments/{id}/return", .returnAppointment, returnAppointment)
        routes.protected(.post, "/v1/appointments/{id}/resubmit", .resubmitAppointment, resubmitAppointment)
        routes.protected(.post, "/v1/appointments/{id}/dismiss", .dismissAppointment, dismissAppointment)
    }

    @Sendable func registerAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let text = fields.string("registered_on")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let registeredOn = try text.map { text throws(ValidationFailure) in
            try CivilDate.parsed(text, field: "registered_on")
        }
        return try await act(context, .register) { appointment, writer, context in
            let existing = try writer.appointments(of: appointment.uscc)
            let (registered, superseded) = try appointment.registerSuperseding(
                existing, registeredOn: registeredOn, today: context.today, by: context.caller.actorLabel,
                at: try context.instant)
            return superseded + [registered]
        }
    }

    @Sendable func returnAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let reason = fields.string("reason")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        return try await act(context, .return) { appointment, _, context in
            [try appointment.returnFiling(reason: reason, by: context.caller.actorLabel, at: try context.instant)]
        }
    }

    @Sendable func resubmitAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let draft = try AppointmentJSON.filing(try JSONBody.object(context.request))
        return try await act(context, .resubmit) { appointment, writer, context in
            guard appointment.allows(.resubmit) else {
                throw AppointmentError.illegalTransition(status: appointment.status, action: .resubmit)
            }
            let filing = try AppointmentFiling.validated(draft, today: context.today)
            let personID = try writer.personID(for: filing.person)
            return [
                try appointment.resubmit(
                    filing: filing, personID: personID, by: context.caller.actorLabel, at: try context.instant)
            ]
        }
    }

    @Sendable func dismissAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let endedText = fields.string("ended_on")
        let reason = fields.string("reason")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let endedOn = try endedText.map { text throws(ValidationFailure) in
            try CivilDate.parsed(text, field: "ended_on")
        }
        return try await act(context, .dismiss) { appointment, _, context in
            [
                try appointment.dismiss(
                    endedOn: endedOn, reason: reason, today: context.today, by: context.caller.actorLabel,
                    at: try context.instant)
            ]
        }
    }

    // MARK: - Helpers

    /// Loads the appointment in scope, lets `decide` move it (and others: superseded holders come first, the
    /// appointment acted on last), saves them in that order, and answers with the appointment acted on.
    private func act(
        _ context: RequestContext, _ action: AppointmentAction,
        _ decide: @escaping @Sendable (Appointment, any RegistryWriter, RequestContext) throws -> [Appointment]
    ) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        let caller = context.caller
        let request = context.request
        return try await services.mutate(context) { writer in
            guard let current = try writer.appointment(id: id),
                caller.covers(region: current.regionCode, uscc: current.appointment.uscc)
            else { throw Problem.notFound() }
            let changed = try decide(current.appointment, writer, context)
            for appointment in changed { try writer.save(appointment) }
            guard let updated = try writer.appointment(id: id) else { throw StoreError.notFound }
            let personalData = caller.seesPersonalData(of: updated)
            let body = AppointmentJSON.encode(updated, personalData: personalData)
            let events = changed.map { appointment in
                ChangeEvents.appointment(
                    appointment, kind: appointment.id == id ? action.description : "superseded",
                    region: current.regionCode, at: context.now)
            }
            let audit =
                changed.map { appointment in
                    AuditNote(
                        action: "appointment.\(appointment.id == id ? action.rawValue : "supersede")",
                        resource: "appointment/\(appointment.id)", regionCode: current.regionCode,
                        change: appointment.id == id ? request.body : body)
                }
                + (personalData ? Services.personalDataNotes(caller, request, reads: [updated.personalDataRead]) : [])
            return MutationOutcome(
                response: HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json", "ETag": EntityTag.of(body)], bytes: body),
                audit: audit, changes: events)
        }
    }
}
