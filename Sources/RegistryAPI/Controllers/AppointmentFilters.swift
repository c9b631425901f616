import HTTPServer
import RegistryDomain

/// The appointment list's filters (API.md): `status`, `role`, `region` (prefix), `uscc`, `person_id`,
/// `vacant_over_days`, plus `limit` and `cursor`. Unknown parameters are refused.
enum AppointmentFilters {
    static let names: Set<String> = [
        "status", "role", "region", "uscc", "person_id", "vacant_over_days", "limit", "cursor",
    ]

    /// The query for the caller, or nil when nothing can match (an enterprise asking about another one).
    static func query(_ context: RequestContext, allowed: Set<String> = names) throws(ValidationFailure)
        -> AppointmentQuery?
    {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        var query = AppointmentQuery(day: context.today)
        parameters.refuseUnknown(allowed, into: &problems)
        query.regionPrefixes = parameters.regionPrefixes(within: context.caller, into: &problems)
        if let text = parameters["status"] {
            query.status = problems.check { () throws(ValidationFailure) in try AppointmentStatus.parsed(text) }
        }
        if let text = parameters["role"] {
            query.role = problems.check { () throws(ValidationFailure) in try Role.parsed(text) }
        }
        if let text = parameters["uscc"] {
            query.uscc = problems.check { () throws(ValidationFailure) in try USCC(text, field: "uscc") }
        }
        if let text = parameters["person_id"] {
            query.personID = Int64(text)
            if query.personID == nil { problems.add("person_id", "type", "person_id is a whole number") }
        }
        if let text = parameters["vacant_over_days"] {
            if let days = Int(text), (0...36_500).contains(days) {
                query.vacantOverDays = days
            } else {
                problems.add("vacant_over_days", "range", "vacant_over_days is a whole number of days from 0 to 36500")
            }
        }
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        query.afterID = page.afterID(into: &problems)
        try problems.throwIfAny()
        if context.caller.role == .enterprise {
            guard let own = context.caller.uscc, query.uscc == nil || query.uscc == own else { return nil }
            query.uscc = own
        }
        return query
    }
}
