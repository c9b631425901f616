/// The appointment lifecycle as a pure state machine (DOMAIN.md "Appointments and filing"; 003 §3.1, §3.6;
/// 001 §(十三)). Each function returns the new appointment with one transition appended, or throws.
///
/// | from \ action | register | return | resubmit | dismiss | supersede | remove |
/// | --- | --- | --- | --- | --- | --- | --- |
/// | submitted | registered | returned | — | — | — | — |
/// | returned | — | — | submitted | — | — | — |
/// | registered | — | — | — | dismissed | superseded | removed |
/// | dismissed, superseded, removed | — | — | — | — | — | — |
///
/// Decision: only a `registered` appointment can be dismissed (DOMAIN.md: "later dismissed"). The schema agrees:
/// a dismissed appointment has a `registered_on` (0002's CHECK). A filing the regulator has not accepted yet
/// is not withdrawn by dismissal; it stays as filed (or returned) in the record. Status is checked first
/// (`illegalTransition`), then input (`invalid`).
extension Appointment {
    /// The longest reason accepted, in characters.
    public static let maximumReasonLength = 1_000

    /// The regulator accepts the filing. `registeredOn` defaults to `today`; it may be back-filled to any date
    /// from `appointed_on` to `today` (API.md). Supersession of an earlier holder is `Supersession`'s business.
    public func register(
        registeredOn: CivilDate? = nil, today: CivilDate, by actor: String, at instant: Instant
    ) throws(AppointmentError) -> Appointment {
        try require([.submitted], for: .register)
        let date = registeredOn ?? today
        guard appointedOn <= date, date <= today else {
            throw .invalid(
                ValidationFailure(
                    field: "registered_on", code: "range",
                    message: "registered_on must lie from appointed_on (\(appointedOn)) to today (\(today))"))
        }
        var next = moved(to: .registered, by: actor, at: instant, reason: nil)
        next.registeredOn = date
        return next
    }

    /// The regulator sends the filing back; `reason` is required.
    public func returnFiling(reason: String?, by actor: String, at instant: Instant) throws(AppointmentError)
        -> Appointment
    {
        try require([.submitted], for: .return)
        do {
            return moved(to: .returned, by: actor, at: instant, reason: try Appointment.requiredReason(reason))
        } catch { throw .invalid(error) }
    }

    /// The enterprise files a corrected filing after a return. `personID` changes when the person did.
    public func resubmit(filing: AppointmentFiling, personID: Int64? = nil, by actor: String, at instant: Instant)
        throws(AppointmentError) -> Appointment
    {
        try require([.returned], for: .resubmit)
        var next = moved(to: .submitted, by: actor, at: instant, reason: nil)
        next.filing = filing
        next.personID = personID ?? self.personID
        return next
    }

    /// The enterprise ends the appointment (解聘). `endedOn` (default
    /// `today`) is the first day it no longer holds: not before `appointed_on` nor `registered_on`, not after
    /// `today`. `reason` is required.
    public func dismiss(
        endedOn: CivilDate? = nil, reason: String?, today: CivilDate, by actor: String, at instant: Instant
    )
        throws(AppointmentError) -> Appointment
    {
        try require([.registered], for: .dismiss)
        let date = endedOn ?? today
        var collector = ViolationCollector()
        collector.check { () throws(ValidationFailure) in try checkEnd(date, field: "ended_on", today: today) }
        let reason = collector.check { () throws(ValidationFailure) in try Appointment.requiredReason(reason) }
        if let failure = collector.failure { throw .invalid(failure) }
        var next = moved(to: .dismissed, by: actor, at: instant, reason: reason)
        next.endedOn = date
        return next
    }

    /// A supervision action `exit` removes the appointment (001 §(十三)), ending it on the action's
    /// `occurred_on`: not before `appointed_on` nor `registered_on`, not after `today`.
    public func remove(
        occurredOn: CivilDate, reason: String? = nil, today: CivilDate, by actor: String, at instant: Instant
    )
        throws(AppointmentError) -> Appointment
    {
        try require([.registered], for: .remove)
        do { try checkEnd(occurredOn, field: "occurred_on", today: today) } catch { throw .invalid(error) }
        var next = moved(to: .removed, by: actor, at: instant, reason: reason)
        next.endedOn = occurredOn
        return next
    }

    /// A newer registered appointment of the same role replaces this one from `from`: by default the successor's
    /// registration date (`Supersession.EndDate.newRegistrationDate`), so a report for a past date never changes.
    /// `endedOn` is never set before this appointment's own registration (or appointment) date, so the record
    /// stays well formed; see `Supersession`.
    public func supersede(from: CivilDate, reason: String? = nil, by actor: String, at instant: Instant)
        throws(AppointmentError) -> Appointment
    {
        try require([.registered], for: .supersede)
        var next = moved(to: .superseded, by: actor, at: instant, reason: reason)
        next.endedOn = max(from, registeredOn ?? appointedOn, appointedOn)
        return next
    }

    /// Whether `action` is allowed from the current status.
    public func allows(_ action: AppointmentAction) -> Bool {
        switch (status, action) {
        case (.submitted, .register), (.submitted, .return): true
        case (.returned, .resubmit): true
        case (.registered, .dismiss), (.registered, .supersede), (.registered, .remove): true
        // An interview or warning (Appointment+Supervision.swift) leaves the status as it is.
        case (.registered, .supervise): true
        default: false
        }
    }

    // MARK: - Helpers

    private func require(_ statuses: Set<AppointmentStatus>, for action: AppointmentAction) throws(AppointmentError) {
        guard statuses.contains(status) else { throw .illegalTransition(status: status, action: action) }
    }

    private func moved(to status: AppointmentStatus, by actor: String, at instant: Instant, reason: String?)
        -> Appointment
    {
        var next = self
        next.history.append(
            AppointmentTransition(at: instant, actor: actor, from: self.status, to: status, reason: reason))
        next.status = status
        return next
    }

    private func checkEnd(_ date: CivilDate, field: String, today: CivilDate) throws(ValidationFailure) {
        let earliest = max(appointedOn, registeredOn ?? appointedOn)
        guard earliest <= date, date <= today else {
            throw ValidationFailure(
                field: field, code: "range",
                message: "\(field) must lie from \(earliest) (appointed_on or registered_on) to today (\(today))")
        }
    }

    /// A reason trimmed, required, at most `maximumReasonLength` characters.
    public static func requiredReason(_ text: String?) throws(ValidationFailure) -> String {
        let reason = (text ?? "").trimmingWhitespace
        guard !reason.isEmpty else { throw .required("reason", "a reason is required") }
        guard reason.count <= maximumReasonLength else {
            throw ValidationFailure(field: "reason", code: "length", message: "a reason has at most 1000 characters")
        }
        return reason
    }
}

extension ViolationCollector {
    /// The collected violations as one failure, or nil when there are none.
    public var failure: ValidationFailure? { violations.isEmpty ? nil : ValidationFailure(violations) }
}
