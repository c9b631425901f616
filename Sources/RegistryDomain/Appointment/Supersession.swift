/// Which registered appointments a new registration replaces, and from when (DOMAIN.md: "At most one registered
/// cqo per enterprise at any moment. Registering a new one supersedes the old one from the new appointment date").
public struct Supersession: Hashable, Sendable {
    /// The appointment to mark `superseded`.
    public var appointmentID: Int64
    /// Its `ended_on`: the new appointment's `registered_on` by default (or its `appointed_on`, see `EndDate`), but
    /// never before the old one's `registered_on` (or `appointed_on`), so the old record stays well formed.
    public var endedOn: CivilDate

    /// Which date of the new appointment ends the old one.
    public enum EndDate: Hashable, Sendable {
        /// The new appointment's `appointed_on`: DOMAIN.md's supersession rule read literally.
        case newAppointmentDate
        /// The new appointment's `registered_on`, the registry's choice and the default: a report for a past date
        /// never changes when a later registration supersedes (see the note on `supersessions`). The successor's
        /// appointment date stays on record in the transition's reason.
        case newRegistrationDate
    }

    public init(appointmentID: Int64, endedOn: CivilDate) {
        self.appointmentID = appointmentID
        self.endedOn = endedOn
    }

    /// The supersessions that registering `new` causes among `existing`: every other appointment of the same
    /// enterprise and role whose status is `registered`, when the role is single-holder.
    ///
    /// - Parameters:
    ///   - existing: the enterprise's appointments (any role or status; others are ignored).
    ///   - new: the appointment being registered; it is taken to be the newer one.
    ///   - singleHolderRoles: roles held by one registered appointment at a time; default `Role.singleHolderDefault`
    ///     (`cqo`, and by assumption `safety_director`).
    ///   - endDate: which date of `new` ends the old ones; default `.newRegistrationDate` (as-of stability).
    /// - Returns: the supersessions in ascending `appointmentID` order.
    ///
    /// Note: with `.newAppointmentDate`, between the new `appointed_on` and its `registered_on` neither
    /// appointment counts as registered "as of" those days (the old one has ended, the new one is not yet
    /// registered), so a coverage report for such a past day changes when the new one is registered. DOMAIN.md
    /// states both this rule and that past reports never change; `.newRegistrationDate` honours the latter.
    public static func supersessions(
        of existing: [Appointment], byRegistering new: Appointment,
        singleHolderRoles: Set<Role> = Role.singleHolderDefault, endDate: EndDate = .newRegistrationDate
    ) -> [Supersession] {
        guard singleHolderRoles.contains(new.role) else { return [] }
        let from = endDate == .newRegistrationDate ? (new.registeredOn ?? new.appointedOn) : new.appointedOn
        return
            existing
            .filter { $0.id != new.id && $0.uscc == new.uscc && $0.role == new.role && $0.status == .registered }
            .sorted { $0.id < $1.id }
            .map { old in
                Supersession(
                    appointmentID: old.id,
                    endedOn: max(from, old.registeredOn ?? old.appointedOn, old.appointedOn))
            }
    }
}

extension Appointment {
    /// Registers `self` and supersedes what it replaces among `existing`: the whole "register" use case.
    ///
    /// - Returns: the registered appointment and the superseded ones (each with a transition whose reason names
    ///   the new appointment's id).
    /// - Throws: `AppointmentError` from `register`.
    public func registerSuperseding(
        _ existing: [Appointment], registeredOn: CivilDate? = nil, today: CivilDate, by actor: String,
        at instant: Instant, singleHolderRoles: Set<Role> = Role.singleHolderDefault,
        endDate: Supersession.EndDate = .newRegistrationDate
    ) throws(AppointmentError) -> (registered: Appointment, superseded: [Appointment]) {
        let registered = try register(registeredOn: registeredOn, today: today, by: actor, at: instant)
        let byID = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var superseded: [Appointment] = []
        for supersession in Supersession.supersessions(
            of: existing, byRegistering: registered, singleHolderRoles: singleHolderRoles, endDate: endDate)
        {
            guard let old = byID[supersession.appointmentID] else { continue }
            superseded.append(
                try old.supersede(
                    from: supersession.endedOn,
                    reason: "superseded by appointment \(id), appointed on \(registered.appointedOn)", by: actor,
                    at: instant))
        }
        return (registered, superseded)
    }
}
