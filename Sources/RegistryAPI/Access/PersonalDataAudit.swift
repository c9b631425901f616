import CryptoSupport
import HTTPServer
import RegistryDomain

/// DOMAIN.md "Personal data": every read of a whole ID number by an admin or regulator is written to the audit
/// log, one `person.read_personal_data` entry per person shown, naming the request. Logs never carry the data.
extension Services {
    /// Notes for a mutation's own transaction: the response reveals `personIDs` whole to `caller`.
    static func personalDataNotes(_ caller: Caller, _ request: HTTPRequest, personIDs: [Int64]) -> [AuditNote] {
        guard caller.role == .admin || caller.role == .regulator else { return [] }
        return Set(personIDs).sorted().map { id in
            AuditNote(
                action: "person.read_personal_data", resource: "person/\(id)",
                change: Array("\(request.method) \(request.path) \(request.requestID)".utf8))
        }
    }

    /// For a read: writes the entries in their own transaction before the response goes out.
    func auditPersonalDataRead(_ context: RequestContext, personIDs: [Int64]) async throws {
        let notes = Self.personalDataNotes(context.caller, context.request, personIDs: personIDs)
        guard !notes.isEmpty else { return }
        let caller = context.caller
        let requestID = context.request.requestID
        let now = context.now
        try await storage.write { writer in
            for note in notes {
                try writer.append(
                    AuditEntry(
                        at: now, actorToken: caller.tokenID, actorRole: caller.role.rawValue, action: note.action,
                        resource: note.resource, requestID: requestID, digest: SHA256.hex(note.change)))
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
