import HTTPServer
import RegistryDomain

/// People named in filings, one per resident ID number.
///
/// - `GET /v1/people/{id}`  getPerson  in scope: the person holds an appointment at an enterprise in the caller's
///   scope; only those appointments are shown, and the name, phone and e-mail are those of the latest of them that
///   the bureau registered, else of the latest (each filing keeps the details it was filed with; a filing
///   elsewhere is never shown, and an unregistered filing never overrides a registered one). Personal data is whole
///   for admins and regulators in scope and for the person's own enterprise, masked for everyone else (DOMAIN.md
///   "Personal data").
struct PersonController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/people/{id}", .readPerson, getPerson)
    }

    @Sendable func getPerson(_ context: RequestContext) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        var query = AppointmentQuery(day: context.today)
        query.personID = id
        query.regionPrefixes = context.caller.regionScope
        if context.caller.role == .enterprise { query.uscc = context.caller.uscc }
        query.limit = 1_000
        let (records, training) = try services.storage.read { reader in
            (
                try reader.appointments(query),
                PersonTraining(
                    attendance: try reader.attendance(ofPerson: id), exams: try reader.examAttempts(ofPerson: id),
                    certificates: try reader.certificates(ofPerson: id),
                    // The credit record is shown to regulators only (DOMAIN.md "Supervision").
                    creditRecord: context.caller.role == .regulator ? try reader.creditRecord(ofPerson: id) : nil)
            )
        }
        let visible = records.filter { context.caller.covers(region: $0.regionCode, uscc: $0.appointment.uscc) }
        // The details shown are the latest *registered* filing's (one the bureau accepted), else the latest filing's:
        // an enterprise that files someone else's ID number cannot rewrite what regulators see of that person.
        let registered = visible.filter { $0.appointment.registeredOn != nil }
        guard
            let latest = (registered.isEmpty ? visible : registered).max(by: { $0.appointment.id < $1.appointment.id })
        else { throw Problem.notFound() }
        let personalData = visible.contains { context.caller.seesPersonalData(of: $0) }
        let body = Self.encode(
            id: id, latest.appointment.filing.person, appointments: visible.map(\.appointment),
            training: training, today: context.today, personalData: personalData)
        let response = EntityTag.respond(to: context.request, body: body)
        if personalData, response.status == .ok {
            // The details shown are the latest visible filing's, so the read is through its enterprise's region.
            try await services.auditPersonalDataRead(context, reads: [latest.personalDataRead])
        }
        return response
    }

    static func encode(
        id: Int64, _ details: PersonDetails, appointments: [Appointment], training: PersonTraining,
        today: CivilDate, personalData: Bool
    ) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("appointments")
        json.beginArray()
        for appointment in appointments {
            json.beginObject()
            json.member("appointed_on", appointment.appointedOn.description)
            json.key("ended_on")
            if let date = appointment.endedOn { json.string(date.description) } else { json.null() }
            json.member("id", Int(appointment.id))
            json.member("position", appointment.filing.position)
            json.key("registered_on")
            if let date = appointment.registeredOn { json.string(date.description) } else { json.null() }
            json.member("role", appointment.role.rawValue)
            json.member("status", appointment.status.rawValue)
            json.member("uscc", appointment.uscc.value)
            json.endObject()
        }
        json.endArray()
        training.writeAttendanceAndCertificates(today: today, into: &json)
        let shown = PersonJSON.shown(details, personalData: personalData)
        json.key("email")
        if let email = shown.email { json.string(email) } else { json.null() }
        training.writeExams(today: today, into: &json)
        json.member("id", Int(id))
        json.member("id_number", shown.idNumber)
        json.member("name", shown.name)
        json.member("phone", shown.phone)
        json.endObject()
        return json.bytes
    }
}
