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
        let appointments = AppointmentUseCases()
        return try await services.perform(
            context, replayScope: .enterprise(uscc, caller, on: context.today),
            respond: { record in
                let body = AppointmentJSON.encode(
                    record, personalData: caller.seesPersonalData(of: record), personID: caller.seesPersonID)
                return HTTPResponse(
                    status: .created,
                    headers: [
                        "Content-Type": "application/json", "ETag": EntityTag.of(body),
                        "Location": "/v1/appointments/\(record.appointment.id)",
                    ],
                    bytes: body)
            }
        ) { writer in try appointments.file(filing, for: uscc, in: writer, context) }
    }

    @Sendable func getAppointment(_ context: RequestContext) async throws -> HTTPResponse {
        let record = try Self.record(context, services: services)
        let personalData = context.caller.seesPersonalData(of: record)
        let body = AppointmentJSON.encode(record, personalData: personalData, personID: context.caller.seesPersonID)
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
            return AppointmentJSON.encode(record, personalData: personalData, personID: context.caller.seesPersonID)
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
