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
        for name in parameters.names where !names.contains(name) {
            problems.add(name, "unknown", "\(name) is not a filter of this list")
        }
        query.regionPrefixes = context.caller.regionScope
        if let region = parameters["region"] {
            if let code = try? RegionCode(region, field: "region") {
                query.regionPrefixes.append(code)
            } else {
                problems.add("region", "format", "region is a division code prefix of 1 to 12 digits")
            }
        }
        if let uscc = context.caller.uscc, context.caller.role == .enterprise { query.uscc = uscc }
        if let text = parameters["size_class"] {
            query.sizeClass = SizeClass(rawValue: text)
            if query.sizeClass == nil {
                problems.add("size_class", "enum", "size_class is large, medium, small or micro")
            }
        }
        query.aboveScale = boolean(parameters, "above_scale", &problems)
        query.manufacturing = boolean(parameters, "manufacturing", &problems)
        query.covered = boolean(parameters, "covered", &problems)
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

    static func boolean(_ parameters: QueryParameters, _ name: String, _ problems: inout ViolationCollector) -> Bool? {
        guard let text = parameters[name] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            problems.add(name, "type", "\(name) is true or false")
            return nil
        }
    }
}
