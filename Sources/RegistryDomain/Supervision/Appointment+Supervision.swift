extension Appointment {
    /// Applies a supervision action (001 §(十三); DOMAIN.md "Supervision").
    ///
    /// Every kind applies to a `registered` appointment only (the person must be in office), on a day from
    /// `registered_on` to `today` (`occurred_on`, code `range`).
    /// - `interview`, `warning`: the appointment is unchanged (the action itself is the record).
    /// - `exit`: the appointment is `removed`, ended on `occurred_on`, and each of the person's certificates
    ///   in `certificates` not yet revoked is revoked from that day.
    ///
    /// - Returns: the appointment after the action and the certificates it revoked (changed ones only).
    /// - Throws: `illegalTransition` (action `remove` for an exit, `supervise` otherwise) when not registered;
    ///   `invalid` for a date out of range.
    public func applying(
        _ action: SupervisionAction, certificates: [Certificate] = [], today: CivilDate, by actor: String,
        at instant: Instant
    ) throws(AppointmentError) -> (appointment: Appointment, revoked: [Certificate]) {
        switch action.kind {
        case .interview, .warning:
            guard status == .registered else { throw .illegalTransition(status: status, action: .supervise) }
            let earliest = registeredOn ?? appointedOn
            guard earliest <= action.occurredOn, action.occurredOn <= today else {
                throw .invalid(
                    ValidationFailure(
                        field: "occurred_on", code: "range",
                        message: "occurred_on must lie from registered_on (\(earliest)) to today (\(today))"))
            }
            return (self, [])
        case .exit:
            let removed = try remove(
                occurredOn: action.occurredOn, reason: action.reason, today: today, by: actor, at: instant)
            let revoked = certificates.filter { $0.personID == personID && $0.revokedOn == nil }
                .map { $0.revoked(on: action.occurredOn) }
            return (removed, revoked)
        }
    }
}
