/// An appointment (聘任) of a person to a role in an enterprise, from filing to its end.
///
/// Nothing is overwritten or deleted: each change of status appends an `AppointmentTransition` to `history`.
/// Create one with `Appointment.filed(…)`; move it with the functions in `Appointment+Transitions.swift`.
public struct Appointment: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var uscc: USCC
    /// The stored person's id (`person_id` on the wire); the store maps the filing's person to it.
    public var personID: Int64
    public var filing: AppointmentFiling
    public var status: AppointmentStatus
    /// The date the regulator accepted the filing; set once, by `register`.
    public var registeredOn: CivilDate?
    /// The first day the appointment no longer holds (exclusive end of its term); set by dismiss, supersede, remove.
    public var endedOn: CivilDate?
    public var history: [AppointmentTransition]

    public init(
        id: Int64, uscc: USCC, personID: Int64, filing: AppointmentFiling, status: AppointmentStatus,
        registeredOn: CivilDate? = nil, endedOn: CivilDate? = nil, history: [AppointmentTransition] = []
    ) {
        self.id = id
        self.uscc = uscc
        self.personID = personID
        self.filing = filing
        self.status = status
        self.registeredOn = registeredOn
        self.endedOn = endedOn
        self.history = history
    }

    /// A newly filed appointment: `submitted`, with the filing as its first transition (from nil).
    public static func filed(
        id: Int64, uscc: USCC, personID: Int64, filing: AppointmentFiling, by actor: String, at instant: Instant
    ) -> Appointment {
        Appointment(
            id: id, uscc: uscc, personID: personID, filing: filing, status: .submitted,
            history: [AppointmentTransition(at: instant, actor: actor, from: nil, to: .submitted, reason: nil)])
    }

    public var role: Role { filing.role }
    public var appointedOn: CivilDate { filing.appointedOn }

    /// Whether the appointment is registered on `date` judged by dates alone, whatever its status today:
    /// registered on or before `date`, appointed on or before it, and not ended by it (`date < endedOn`).
    ///
    /// A submitted or returned appointment (no `registeredOn`) is never registered on any date. This is the
    /// "as of" reading used by coverage and vacancy (DOMAIN.md "Coverage as of date D").
    public func isRegistered(on date: CivilDate) -> Bool {
        guard let registeredOn, registeredOn <= date, appointedOn <= date else { return false }
        if let endedOn { return date < endedOn }
        return true
    }
}

/// One recorded change of an appointment's status: who, when, from what, to what, and why.
public struct AppointmentTransition: Hashable, Sendable {
    public var at: Instant
    /// Who did it: the token's label or subject, as the API records it.
    public var actor: String
    /// Nil for the filing that created the appointment.
    public var from: AppointmentStatus?
    public var to: AppointmentStatus
    public var reason: String?

    public init(at: Instant, actor: String, from: AppointmentStatus?, to: AppointmentStatus, reason: String?) {
        self.at = at
        self.actor = actor
        self.from = from
        self.to = to
        self.reason = reason
    }
}
