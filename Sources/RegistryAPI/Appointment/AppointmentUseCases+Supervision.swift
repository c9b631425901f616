import HTTPServer
import RegistryDomain

extension AppointmentUseCases {
    /// `POST /v1/appointments/{id}/supervision-actions`: records an interview, a warning or an exit (001 §(十三)). An
    /// exit removes the appointment and revokes the holder's certificates from its day; a serious action enters
    /// the person's credit record.
    func supervise(
        appointment id: Int64, with action: SupervisionAction, in writer: any RegistryWriter, _ context: RequestContext
    ) throws -> UseCaseResult<SupervisionAction> {
        guard let record = try writer.appointment(id: id),
            context.caller.covers(region: record.regionCode, uscc: record.appointment.uscc)
        else { throw Problem.notFound() }
        let person = record.appointment.personID
        let certificates = try writer.certificates(ofPerson: person).map(\.certificate)
        let (after, revoked) = try record.appointment.applying(
            action, certificates: certificates, today: context.today, by: context.caller.actorLabel,
            at: try context.instant)
        var changes = [
            ChangeEvents.appointment(
                record.appointment, kind: "supervision_action", region: record.regionCode, at: context.now)
        ]
        if after != record.appointment {
            try writer.save(after)
            changes.append(ChangeEvents.appointment(after, kind: "removed", region: record.regionCode, at: context.now))
        }
        let stored = try writer.insert(action, actor: context.caller.actorLabel, at: context.now)
        for certificate in revoked {
            try writer.revoke(certificate, byAction: stored.id)
            changes.append(
                ChangeEvents.certificate(certificate, kind: "revoked", region: record.regionCode, at: context.now))
        }
        if stored.serious { try writer.enterInCreditRecord(personID: person, actionID: stored.id, at: context.now) }
        return UseCaseResult(
            value: stored,
            audit: [
                AuditNote(
                    action: "appointment.supervise", resource: "appointment/\(id)", regionCode: record.regionCode,
                    change: context.request.body)
            ],
            changes: changes)
    }
}
