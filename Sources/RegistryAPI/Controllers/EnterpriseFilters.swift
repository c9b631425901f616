import HTTPServer
import RegistryDomain

/// The roster's list filters (API.md): `region` (prefix), `size_class`, `above_scale`, `manufacturing`,
/// `industry` (code prefix), `sector`, `covered`, `q`, plus `limit` and `cursor`. Unknown parameters are refused.
enum EnterpriseFilters {
    static let names: Set<String> = [
        "region", "size_class", "above_scale", "manufacturing", "industry", "sector", "covered", "q", "limit", "cursor",
    ]

    static func query(_ context: RequestContext) throws(ValidationFailure) -> EnterpriseQuery {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        var query = EnterpriseQuery(day: context.today)
        parameters.refuseUnknown(names, into: &problems)
        query.regionPrefixes = parameters.regionPrefixes(within: context.caller, into: &problems)
        if let uscc = context.caller.uscc, context.caller.role == .enterprise { query.uscc = uscc }
        if let text = parameters["size_class"] {
            query.sizeClass = SizeClass(rawValue: text)
            if query.sizeClass == nil {
                problems.add("size_class", "enum", "size_class is large, medium, small or micro")
            }
        }
        query.aboveScale = parameters.boolean("above_scale", into: &problems)
        query.manufacturing = parameters.boolean("manufacturing", into: &problems)
        query.covered = parameters.boolean("covered", into: &problems)
        if let industry = parameters["industry"] {
            if IndustryCode.isValid(industry) {
                query.industryPrefix = industry
            } else {
                problems.add("industry", "format", "industry is a GB/T 4754 code or prefix, e.g. C or C38")
            }
        }
        if let text = parameters["sector"] {
            query.sector = Sector(rawValue: text)
            if query.sector == nil { problems.add("sector", "enum", "sector is product, engineering or service") }
        }
        if let text = parameters["q"] {
            if text.count > 100 {
                problems.add("q", "length", "q has at most 100 characters")
            } else {
                query.text = text
            }
        }
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        query.after = page.after
        try problems.throwIfAny()
        return query
    }

}
