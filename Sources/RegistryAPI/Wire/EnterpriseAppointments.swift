import HTTPServer
import RegistryDomain

/// What an enterprise's representation shows of its appointments (API.md: "one enterprise, with its current
/// appointments"): the ones not yet ended (submitted, returned, registered) and the `cqo` vacancy, if any.
struct EnterpriseAppointments: Sendable {
    /// Appointments whose status is not final, in id order.
    var current: [Appointment]
    /// The chief quality officer's vacancy today, if the role was held and is not now.
    var vacancy: Vacancy?
    /// The grace period the vacancy is judged against (`RegistryAPIConfiguration.vacancyGracePeriodDays`).
    var gracePeriodDays: Int
    /// The day the vacancy is judged on.
    var today: CivilDate?
    /// Whether `person_id` is shown (`Caller.seesPersonID`: never to an enterprise).
    var showsPersonID = true

    static let none = EnterpriseAppointments(current: [], vacancy: nil, gracePeriodDays: Vacancy.defaultGracePeriodDays)

    /// Loads them for `uscc` on `today`.
    static func load(_ uscc: USCC, from reader: any RegistryReader, today: CivilDate, gracePeriodDays: Int) throws
        -> EnterpriseAppointments
    {
        let all = try reader.appointments(of: uscc)
        return EnterpriseAppointments(
            current: all.filter { !$0.status.isFinal }, vacancy: Vacancy.of(role: .cqo, among: all, today: today),
            gracePeriodDays: gracePeriodDays, today: today)
    }

    /// Loads them for every enterprise of a page, in one query.
    static func load(_ usccs: [USCC], from reader: any RegistryReader, today: CivilDate, gracePeriodDays: Int) throws
        -> [USCC: EnterpriseAppointments]
    {
        let byEnterprise = Dictionary(grouping: try reader.appointments(ofEach: usccs), by: \.uscc)
        var loaded: [USCC: EnterpriseAppointments] = [:]
        for uscc in usccs {
            let all = byEnterprise[uscc] ?? []
            loaded[uscc] = EnterpriseAppointments(
                current: all.filter { !$0.status.isFinal }, vacancy: Vacancy.of(role: .cqo, among: all, today: today),
                gracePeriodDays: gracePeriodDays, today: today)
        }
        return loaded
    }

    /// `{"days","over_grace_period","role","since"}` or `null`. A deregistered enterprise has no vacancy: it has
    /// left the population that must have a CQO (the same reading as `vacant_over_days`).
    func writeVacancy(of enterprise: Enterprise, into json: inout JSONWriter) {
        guard let vacancy, enterprise.isActive(on: today ?? vacancy.since) else {
            json.null()
            return
        }
        json.beginObject()
        json.member("days", vacancy.days)
        json.member("over_grace_period", vacancy.isOver(gracePeriodDays))
        json.member("role", vacancy.role.rawValue)
        json.member("since", vacancy.since.description)
        json.endObject()
    }
}
