import CryptoSupport
import HTTPServer
import RegistryDomain

/// A person whose whole ID number a response shows, and the region of the enterprise whose filing showed it.
struct PersonalDataRead: Hashable, Sendable {
    var personID: Int64
    var regionCode: RegionCode
}

extension AppointmentRecord {
    /// What showing this filing's person whole reads.
    var personalDataRead: PersonalDataRead {
        PersonalDataRead(personID: appointment.personID, regionCode: regionCode)
    }
}

/// DOMAIN.md "Personal data": every read of a whole ID number by an admin or regulator is written to the audit
/// log, as one `person.read_personal_data` entry per response, naming the request, the people shown
/// (`person/17` for one, `people/17,18,40` for a list) and the region they were read through: the region of their
/// filings' enterprise, or the longest prefix those regions share (so the admins whose region holds every one of
/// them see the entry). A list of 500 appointments is one entry, not 500. Logs never carry the data.
extension Services {
    /// Notes for a mutation's own transaction: the response reveals the people of `reads` whole to `caller`.
    static func personalDataNotes(_ caller: Caller, _ request: HTTPRequest, reads: [PersonalDataRead]) -> [AuditNote] {
        guard caller.role == .admin || caller.role == .regulator, !reads.isEmpty else { return [] }
        let people = Set(reads.map(\.personID)).sorted()
        let resource =
            people.count == 1 ? "person/\(people[0])" : "people/" + people.map(String.init).joined(separator: ",")
        return [
            AuditNote(
                action: "person.read_personal_data", resource: resource,
                regionCode: RegionCode.commonPrefix(of: reads.map(\.regionCode)),
                change: Array("\(request.method) \(request.path) \(request.requestID)".utf8))
        ]
    }

    /// For a read: writes the entries in their own transaction before the response goes out.
    func auditPersonalDataRead(_ context: RequestContext, reads: [PersonalDataRead]) async throws {
        let notes = Self.personalDataNotes(context.caller, context.request, reads: reads)
        guard !notes.isEmpty else { return }
        let caller = context.caller
        let requestID = context.request.requestID
        let now = context.now
        try await storage.write { writer in
            for note in notes {
                try writer.append(note.entry(by: caller, requestID: requestID, at: now))
            }
        }
    }
}

extension Caller {
    /// Whether answers show this caller the registry-wide person id: one id per resident ID number across every
    /// enterprise, so an enterprise that saw it would learn whether someone elsewhere filed the same person.
    var seesPersonID: Bool { role != .enterprise }

    /// Whether this caller sees the personal data of an appointment's person whole.
    func seesPersonalData(of record: AppointmentRecord) -> Bool {
        seesPersonalData(region: record.regionCode, uscc: record.appointment.uscc)
    }
}
