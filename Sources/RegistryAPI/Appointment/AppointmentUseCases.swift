import HTTPServer
import RegistryDomain

/// The filing workflow's use cases (DOMAIN.md "Appointments and filing"), one function each. Each runs inside the
/// transaction `Services.perform` opens: it finds the appointment in the caller's scope (404 otherwise), lets the
/// domain move it, saves it, and says what the audit log and the change feed record. The controller parses the
/// request before and encodes the returned record after.
struct AppointmentUseCases: Sendable {
    /// `POST /v1/enterprises/{uscc}/appointments`: a new filing, `submitted`.
    func file(_ filing: AppointmentFiling, for uscc: USCC, in writer: any RegistryWriter, _ context: RequestContext)
        throws -> UseCaseResult<AppointmentRecord>
    {
        guard let enterprise = try writer.enterprise(uscc, on: context.today)?.enterprise,
            context.caller.covers(region: enterprise.regionCode, uscc: uscc)
        else { throw Problem.notFound() }
        guard enterprise.isActive(on: context.today) else {
            throw Problem(
                .conflict, type: ProblemType.conflict,
                detail: "the enterprise was deregistered on \(enterprise.deregisteredOn?.description ?? "")")
        }
        let personID = try writer.personID(for: filing.person)
        let appointment = try writer.insert(
            .filed(
                id: 0, uscc: uscc, personID: personID, filing: filing, by: context.caller.actorLabel,
                at: try context.instant))
        let record = AppointmentRecord(appointment: appointment, regionCode: enterprise.regionCode)
        return UseCaseResult(
            value: record,
            audit: [
                AuditNote(
                    action: "appointment.file", resource: "appointment/\(appointment.id)",
                    regionCode: enterprise.regionCode, change: context.request.body)
            ] + Self.personalDataNotes(record, context),
            changes: [
                ChangeEvents.appointment(appointment, kind: "filed", region: enterprise.regionCode, at: context.now)
            ])
    }

    /// `POST /v1/appointments/{id}/register`: accepts the filing on `registeredOn` (default today) and supersedes
    /// the enterprise's earlier registered holder of the role in the same transaction.
    func register(
        appointment id: Int64, registeredOn: CivilDate?, in writer: any RegistryWriter, _ context: RequestContext
    ) throws -> UseCaseResult<AppointmentRecord> {
        try transition(id, .register, in: writer, context) { appointment in
            let (registered, superseded) = try appointment.registerSuperseding(
                try writer.appointments(of: appointment.uscc), registeredOn: registeredOn, today: context.today,
                by: context.caller.actorLabel, at: try context.instant)
            return superseded + [registered]
        }
    }

    /// `POST /v1/appointments/{id}/return`: sends the filing back with `reason`.
    func returnFiling(appointment id: Int64, reason: String?, in writer: any RegistryWriter, _ context: RequestContext)
        throws -> UseCaseResult<AppointmentRecord>
    {
        try transition(id, .return, in: writer, context) { appointment in
            [try appointment.returnFiling(reason: reason, by: context.caller.actorLabel, at: try context.instant)]
        }
    }

    /// `POST /v1/appointments/{id}/resubmit`: the enterprise's corrected filing after a return.
    func resubmit(
        appointment id: Int64, with draft: AppointmentFiling.Draft, in writer: any RegistryWriter,
        _ context: RequestContext
    ) throws -> UseCaseResult<AppointmentRecord> {
        try transition(id, .resubmit, in: writer, context) { appointment in
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

    /// `POST /v1/appointments/{id}/dismiss`: ends the term on `endedOn` (default today).
    func dismiss(
        appointment id: Int64, endedOn: CivilDate?, reason: String?, in writer: any RegistryWriter,
        _ context: RequestContext
    ) throws -> UseCaseResult<AppointmentRecord> {
        try transition(id, .dismiss, in: writer, context) { appointment in
            [
                try appointment.dismiss(
                    endedOn: endedOn, reason: reason, today: context.today, by: context.caller.actorLabel,
                    at: try context.instant)
            ]
        }
    }

    // MARK: - One transition

    /// Loads the appointment in scope, lets `decide` move it (and others: superseded holders come first, the
    /// appointment acted on last), saves them in that order, and answers with the appointment acted on.
    private func transition(
        _ id: Int64, _ action: AppointmentAction, in writer: any RegistryWriter, _ context: RequestContext,
        _ decide: (Appointment) throws -> [Appointment]
    ) throws -> UseCaseResult<AppointmentRecord> {
        guard let current = try writer.appointment(id: id),
            context.caller.covers(region: current.regionCode, uscc: current.appointment.uscc)
        else { throw Problem.notFound() }
        let changed = try decide(current.appointment)
        for appointment in changed { try writer.save(appointment) }
        guard let updated = try writer.appointment(id: id) else { throw StoreError.notFound }
        let events = changed.map { appointment in
            ChangeEvents.appointment(
                appointment, kind: appointment.id == id ? action.description : "superseded",
                region: current.regionCode, at: context.now)
        }
        let audit = changed.map { appointment in
            AuditNote(
                action: "appointment.\(appointment.id == id ? action.rawValue : "supersede")",
                resource: "appointment/\(appointment.id)", regionCode: current.regionCode,
                change: appointment.id == id
                    ? context.request.body : Array("superseded by appointment/\(id)".utf8))
        }
        return UseCaseResult(
            value: updated, audit: audit + Self.personalDataNotes(updated, context), changes: events)
    }

    /// The answer shows the filing's person whole to a caller who may see it: an admin's or regulator's read is
    /// audited with the change.
    static func personalDataNotes(_ record: AppointmentRecord, _ context: RequestContext) -> [AuditNote] {
        guard context.caller.seesPersonalData(of: record) else { return [] }
        return Services.personalDataNotes(context.caller, context.request, reads: [record.personalDataRead])
    }
}
