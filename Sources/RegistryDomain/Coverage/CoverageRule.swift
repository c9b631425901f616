/// Who is counted and who is covered as of a date (DOMAIN.md "Coverage as of date D").
///
/// Everything is judged by dates, never by current status, so a report for a past date does not change when an
/// appointment later ends: an appointment dismissed today still covered the days of its term.
public enum CoverageRule {
    /// Whether `enterprise` is in the population of a query for `region` and `population` on `date`: its region
    /// lies within `region`, it passes the filter, it was on the roster by then (`registeredOn` absent or ≤ date)
    /// and is not deregistered on `date` (it leaves on its deregistration date).
    ///
    /// Size class, above-scale and industry are the enterprise's current values (the roster keeps no history).
    public static func isInPopulation(
        _ enterprise: Enterprise, region: RegionCode, population: PopulationFilter, on date: CivilDate
    ) -> Bool {
        region.contains(enterprise.regionCode) && population.matches(enterprise)
            && (enterprise.registeredOn.map { $0 <= date } ?? true) && enterprise.isActive(on: date)
    }

    /// Whether `appointment` counts on `date` for `roles`: one of the roles, and registered on that date —
    /// registration date ≤ date, appointment date ≤ date, and date < ended_on (an appointment ended on E covers
    /// the days before E). See `Appointment.isRegistered(on:)`.
    public static func counts(_ appointment: Appointment, roles: Set<Role>, on date: CivilDate) -> Bool {
        roles.contains(appointment.role) && appointment.isRegistered(on: date)
    }

    /// Metric `appointment`: whether the enterprise has an appointment counting on `date`.
    /// `appointments` may include other enterprises'; only those with the enterprise's USCC are read.
    public static func isCovered(
        _ enterprise: Enterprise, appointments: [Appointment], roles: Set<Role>, on date: CivilDate
    ) -> Bool {
        appointments.contains { $0.uscc == enterprise.uscc && counts($0, roles: roles, on: date) }
    }

    /// Metric `training`: whether the appointment's person held a certificate valid on `date` (issued by then, not
    /// past its last valid day, not revoked on or before it: `Certificate.isValid(on:)`). An exit that revokes
    /// from its `occurred_on` therefore changes only the days from then on.
    public static func isTrained(_ appointment: Appointment, certificates: [Certificate], on date: CivilDate) -> Bool {
        certificates.contains { $0.personID == appointment.personID && $0.isValid(on: date) }
    }
}
