import HTTPServer
import RegistryDomain

/// Reading a list's query parameters the same way everywhere: unknown names refused (a mistyped filter must not
/// silently return the wrong list), the caller's region scope combined with a `region` filter, and booleans.
extension QueryParameters {
    /// Records an `unknown` violation for every parameter not in `allowed`.
    func refuseUnknown(
        _ allowed: Set<String>, into problems: inout ViolationCollector, what: String = "a filter of this list"
    ) {
        for name in names where !allowed.contains(name) {
            problems.add(name, "unknown", "\(name) is not \(what)")
        }
    }

    /// The region prefixes a list must match: the caller's scope, plus the `region` filter when one is given.
    func regionPrefixes(within caller: Caller, into problems: inout ViolationCollector) -> [RegionCode] {
        var prefixes = caller.regionScope
        if let region = self["region"] {
            if let code = try? RegionCode(region, field: "region") {
                prefixes.append(code)
            } else {
                problems.add("region", "format", "region is a division code prefix of 1 to 12 digits")
            }
        }
        return prefixes
    }

    /// `true` or `false`; anything else is a `type` violation.
    func boolean(_ name: String, into problems: inout ViolationCollector) -> Bool? {
        guard let text = self[name] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            problems.add(name, "type", "\(name) is true or false")
            return nil
        }
    }
}

extension QueryParameters {
    /// A `YYYY-MM-DD` filter; anything else is a `format` violation.
    func date(_ name: String, into problems: inout ViolationCollector) -> CivilDate? {
        guard let text = self[name] else { return nil }
        return problems.check { () throws(ValidationFailure) in try CivilDate.parsed(text, field: name) }
    }
}
