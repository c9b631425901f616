/// A role left vacant: an enterprise had a registered holder, the last one ended, and no newer one is registered
/// (DOMAIN.md: "When a CQO leaves, the enterprise must appoint and file a new one promptly", 003 §3.6).
public struct Vacancy: Hashable, Sendable {
    /// *Assumption*: how long a role may stay vacant before it is shown (DOMAIN.md). The default is 30 days.
    public static let defaultGracePeriodDays = 30

    public var role: Role
    /// The first vacant day: the latest `ended_on` among the role's appointments that were registered.
    public var since: CivilDate
    /// Whole days from `since` to the day asked about (0 on the first vacant day).
    public var days: Int

    public init(role: Role, since: CivilDate, days: Int) {
        self.role = role
        self.since = since
        self.days = days
    }

    /// Whether the vacancy has lasted longer than `gracePeriodDays` (`days > gracePeriodDays`).
    /// Also the reading of the API filter `vacant_over_days=N`.
    public func isOver(_ gracePeriodDays: Int = Vacancy.defaultGracePeriodDays) -> Bool { days > gracePeriodDays }

    /// The vacancy of `role` on `today` among one enterprise's `appointments`, or nil when the role is held or
    /// was never held.
    ///
    /// Judged by dates, not current status: the role is held when some appointment `isRegistered(on: today)`;
    /// otherwise it is vacant since the latest `ended_on` (≤ today) of an appointment that was registered.
    /// A pending (submitted or returned) filing does not fill the role. An enterprise that never had a
    /// registered holder has no vacancy (it is simply not covered).
    public static func of(role: Role, among appointments: [Appointment], today: CivilDate) -> Vacancy? {
        let ofRole = appointments.filter { $0.role == role }
        guard !ofRole.contains(where: { $0.isRegistered(on: today) }) else { return nil }
        let ends = ofRole.compactMap { appointment -> CivilDate? in
            guard appointment.registeredOn != nil, let endedOn = appointment.endedOn, endedOn <= today else {
                return nil
            }
            return endedOn
        }
        guard let since = ends.max() else { return nil }
        return Vacancy(role: role, since: since, days: since.days(until: today))
    }
}
