import HTTPServer
import RegistryDomain

/// A coverage target on the wire: `id`, `region_code`, `metric`, `roles`, `population` {`size_class`,
/// `above_scale`, `manufacturing`} (absent members as `null`), `deadline`, `ratio` (an exact decimal number),
/// and `etag`.
enum CoverageTargetJSON {
    static func document(_ target: CoverageTarget) -> (body: [UInt8], etag: String) {
        let etag = EntityTag.of(encode(target, etag: nil))
        return (encode(target, etag: etag), etag)
    }

    static func encode(_ target: CoverageTarget, etag: String?) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("deadline")
        json.string(target.deadline.description)
        if let etag { json.member("etag", etag) }
        json.key("id")
        json.raw(String(target.id))
        json.member("metric", target.metric.rawValue)
        json.key("population")
        json.beginObject()
        json.key("above_scale")
        if let above = target.population.aboveScale { json.raw(above ? "true" : "false") } else { json.null() }
        json.key("manufacturing")
        if let flag = target.population.manufacturing { json.raw(flag ? "true" : "false") } else { json.null() }
        json.key("size_class")
        if let size = target.population.sizeClass { json.string(size.rawValue) } else { json.null() }
        json.endObject()
        json.key("ratio")
        json.raw(target.ratio.description)
        json.member("region_code", target.regionCode.value)
        json.key("roles")
        json.beginArray()
        for role in target.roles.sorted() { json.string(role.rawValue) }
        json.endArray()
        json.endObject()
        return json.bytes
    }

    /// Reads a target from a request body; `id` and `etag` are read-only.
    static func target(_ members: [(String, JSONValue)], id: Int64) throws(ValidationFailure) -> CoverageTarget {
        var problems = ViolationCollector()
        var ratio: String?
        var roles: [String]?
        var rest: [(String, JSONValue)] = []
        for (name, value) in members {
            switch (name, value) {
            case ("ratio", .number(let text)), ("ratio", .string(let text)): ratio = text
            case ("ratio", .null), ("roles", .null): break
            case ("ratio", _): problems.add("ratio", "type", "ratio must be a number from 0 to 1")
            case ("roles", .array(let items)):
                roles = items.map { item in
                    if case .string(let text) = item { return text }
                    problems.add("roles", "type", "roles is an array of role names")
                    return ""
                }
            case ("roles", _): problems.add("roles", "type", "roles is an array of role names")
            default: rest.append((name, value))
            }
        }
        var fields = JSONFields(rest)
        var draft = CoverageTarget.Draft(
            regionCode: fields.string("region_code"), metric: fields.string("metric"), roles: roles,
            deadline: fields.string("deadline"), ratio: ratio)
        if var population = fields.object("population") {
            draft.sizeClass = population.string("size_class")
            draft.aboveScale = population.bool("above_scale")
            draft.manufacturing = population.bool("manufacturing")
            population.refuseUnread()
            fields.absorb(population)
        }
        fields.refuseUnread(readOnly: ["id", "etag"])
        problems.add(ValidationFailure(fields.problems.violations))
        try problems.throwIfAny()
        return try CoverageTarget.validated(draft, id: id)
    }
}
