import HTTPServer
import RegistryDomain

/// Appointment filings (聘任备案): filing, reading and listing.
///
/// - `POST /v1/enterprises/{uscc}/appointments`  fileAppointment             that enterprise, regulator
/// - `GET  /v1/enterprises/{uscc}/appointments`  listEnterpriseAppointments  in scope
/// - `GET  /v1/appointments`                     listAppointments            in scope
/// - `GET  /v1/appointments/{id}`                getAppointment              in scope
struct AppointmentController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/enterprises/{uscc}/appointments", .fileAppointment, fileAppointment)
        routes.protected(
            .get, "/v1/enterprises/{uscc}/appointments", .listEnterpriseAppointments, listEnterpriseAppointments)
        routes.protected(.get, "/v1/appointments", .listAppointments, listAppointments)
        routes.protected(.get, "/v1/appointments/{id}", .readAppointment, getAppointment)
    }

    @Sendable func fileAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let uscc = try EnterpriseController.pathUSCC(context)
        let filing = try AppointmentFiling.validated(
            try AppointmentJSON.filing(try JSONBody.object(context.request)), today: context.today)
        let caller = context.caller
        let request = context.request
        let today = context.today
        let instant = try context.instant
        return try await services.mutate(context, idempotent: true) { writer in
            guard let enterprise = try writer.enterprise(uscc, on: today)?.enterprise,
                caller.covers(region: enterprise.regionCode, uscc: uscc)
            else { throw Problem.notFound() }
            guard enterprise.isActive(on: today) else {
                throw Problem(
                    .conflict, type: ProblemType.conflict,
                    detail: "the enterprise was deregistered on \(enterprise.deregisteredOn?.description ?? "")")
            }
            let personID = try writer.personID(for: filing.person)
            let appointment = try writer.insert(
                .filed(id: 0, uscc: uscc, personID: personID, filing: filing, by: caller.actorLabel, at: instant))
            let record = AppointmentRecord(appointment: appointment, regionCode: enterprise.regionCode)
            let body = AppointmentJSON.encode(record, personalData: caller.seesPersonalData(of: record))
            let response = HTTPResponse(
                status: .created,
                headers: [
                    "Content-Type": "application/json", "ETag": EntityTag.of(body),
                    "Location": "/v1/appointments/\(appointment.id)",
                ],
                bytes: body)
            return MutationOutcome(
                response: response,
                audit: [
                    AuditNote(
                        action: "appointment.file", resource: "appointment/\(appointment.id)",
                        regionCode: enterprise.regionCode, change: request.body)
                ]
                    + Services.personalDataNotes(caller, request, reads: [record.personalDataRead]),
                changes: [
                    ChangeEvents.appointment(appointment, kind: "filed", region: enterprise.regionCode, at: context.now)
                ])
        }
    }

    @Sendable func getAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let record = try Self.record(context, services: services)
        let personalData = context.caller.seesPersonalData(of: record)
        let body = AppointmentJSON.encode(record, personalData: personalData)
        let response = EntityTag.respond(to: context.request, body: body)
        if personalData, response.status == .ok {
            try await services.auditPersonalDataRead(context, reads: [record.personalDataRead])
        }
        return response
    }

    @Sendable func listAppointments(_ context: RequestContext) async throws -> HTTPResponse {
        guard let query = try AppointmentFilters.query(context) else {
            return Page.response(request: context.request, items: [], nextKey: nil)
        }
        return try await list(context, query)
    }

    @Sendable func listEnterpriseAppointments(_ context: RequestContext) async throws -> HTTPResponse {
        let uscc = try EnterpriseController.pathUSCC(context)
        let today = context.today
        guard let enterprise = try services.storage.read({ try $0.enterprise(uscc, on: today) })?.enterprise,
            context.caller.covers(region: enterprise.regionCode, uscc: uscc)
        else { throw Problem.notFound() }
        guard var query = try AppointmentFilters.query(context, allowed: ["status", "role", "limit", "cursor"]) else {
            throw Problem.notFound()
        }
        query.uscc = uscc
        return try await list(context, query)
    }

    // MARK: - Helpers

    private func list(_ context: RequestContext, _ query: AppointmentQuery) async throws -> HTTPResponse {
        let records = try services.storage.read { try $0.appointments(query) }
        var revealed: [PersonalDataRead] = []
        let items = records.map { record in
            let personalData = context.caller.seesPersonalData(of: record)
            if personalData { revealed.append(record.personalDataRead) }
            return AppointmentJSON.encode(record, personalData: personalData)
        }
        let next = records.count == query.limit ? records.last.map { String($0.appointment.id) } : nil
        let response = Page.response(request: context.request, items: items, nextKey: next)
        if response.status == .ok { try await services.auditPersonalDataRead(context, reads: revealed) }
        return response
    }

    /// The appointment named by the path, if it lies in the caller's scope; 404 otherwise.
    static func record(_ context: RequestContext, services: Services) throws -> AppointmentRecord {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }),
            let record = try services.storage.read({ try $0.appointment(id: id) }),
            context.caller.covers(region: record.regionCode, uscc: record.appointment.uscc)
        else { throw Problem.notFound() }
        return record
    }
}

extension RequestContext {
    /// The request's instant as a domain `Instant`.
    var instant: Instant {
        get throws(Problem) {
            guard let instant = Instant(rfc3339: now) else { throw Problem(.internalServerError) }
            return instant
        }
    }
}
