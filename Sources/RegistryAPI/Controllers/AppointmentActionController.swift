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
    let appointments = AppointmentUseCases()

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/appointments/{id}/register", .registerAppointment, registerAppointment)
        routes.protected(.post, "/v1/appointments/{id}/return", .returnAppointment, returnAppointment)
        routes.protected(.post, "/v1/appointments/{id}/resubmit", .resubmitAppointment, resubmitAppointment)
        routes.protected(.post, "/v1/appointments/{id}/dismiss", .dismissAppointment, dismissAppointment)
    }

    @Sendable func registerAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let text = fields.string("registered_on")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let registeredOn = try text.map { text throws(ValidationFailure) in
            try CivilDate.parsed(text, field: "registered_on")
        }
        let appointments = self.appointments
        return try await services.perform(context, respond: Self.updated(context)) { writer in
            try appointments.register(appointment: id, registeredOn: registeredOn, in: writer, context)
        }
    }

    @Sendable func returnAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let reason = fields.string("reason")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let appointments = self.appointments
        return try await services.perform(context, respond: Self.updated(context)) { writer in
            try appointments.returnFiling(appointment: id, reason: reason, in: writer, context)
        }
    }

    @Sendable func resubmitAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        let draft = try AppointmentJSON.filing(try JSONBody.object(context.request))
        let appointments = self.appointments
        return try await services.perform(context, respond: Self.updated(context)) { writer in
            try appointments.resubmit(appointment: id, with: draft, in: writer, context)
        }
    }

    @Sendable func dismissAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        let endedText = fields.string("ended_on")
        let reason = fields.string("reason")
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let endedOn = try endedText.map { text throws(ValidationFailure) in
            try CivilDate.parsed(text, field: "ended_on")
        }
        let appointments = self.appointments
        return try await services.perform(context, respond: Self.updated(context)) { writer in
            try appointments.dismiss(appointment: id, endedOn: endedOn, reason: reason, in: writer, context)
        }
    }

    // MARK: - Helpers

    static func pathID(_ context: RequestContext) throws(Problem) -> Int64 {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        return id
    }

    /// 200 with the updated appointment, whole or masked as the caller may see it.
    static func updated(_ context: RequestContext) -> @Sendable (AppointmentRecord) -> HTTPResponse {
        let caller = context.caller
        return { record in
            let body = AppointmentJSON.encode(
                record, personalData: caller.seesPersonalData(of: record), personID: caller.seesPersonID)
            return HTTPResponse(
                status: .ok, headers: ["Content-Type": "application/json", "ETag": EntityTag.of(body)], bytes: body)
        }
    }
}
