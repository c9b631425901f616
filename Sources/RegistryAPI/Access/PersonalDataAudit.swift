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
/// log, one `person.read_personal_data` entry per person and region shown, naming the request and carrying the
/// region of the filing it was read through (so the admins of that region see it). Logs never carry the data.
extension Services {
    /// Notes for a mutation's own transaction: the response reveals the people of `reads` whole to `caller`.
    static func personalDataNotes(_ caller: Caller, _ request: HTTPRequest, reads: [PersonalDataRead]) -> [AuditNote] {
        guard caller.role == .admin || caller.role == .regulator else { return [] }
        let ordered = Set(reads).sorted {
            ($0.personID, $0.regionCode.value) < ($1.personID, $1.regionCode.value)
        }
        return ordered.map { read in
            AuditNote(
                action: "person.read_personal_data", resource: "person/\(read.personID)", regionCode: read.regionCode,
                change: Array("\(request.method) \(request.path) \(request.requestID)".utf8))
        }
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
                try writer.append(
                    AuditEntry(
                        at: now, actorToken: caller.tokenID, actorRole: caller.role.rawValue, action: note.action,
                        resource: note.resource, requestID: requestID, digest: SHA256.hex(note.change),
                        regionCode: note.regionCode))
            }
        }
    }
}

extension Caller {
    /// Whether this caller sees the personal data of an appointment's person whole.
    func seesPersonalData(of record: AppointmentRecord) -> Bool {
        seesPersonalData(region: record.regionCode, uscc: record.appointment.uscc)
    }
}
