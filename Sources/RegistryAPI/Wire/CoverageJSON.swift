import HTTPServer
import RegistryDomain

/// Coverage answers on the wire (API.md "Coverage answer"): `{as_of, region, metric, group_by, population,
/// groups: [{key, total, covered, ratio, target: {id, ratio, deadline} | null, shortfall, met}], total}`.
/// `ratio` is covered / total rounded half up to four decimals (null when total is 0); `shortfall` and `met`
/// are null without a target. A trend is `{region, metric, group_by, population, points: [{as_of, groups, total}]}`.
/// `region_name` names the queried region, and with `group_by=region` each group has a `name` (null when the code
/// has none; `RegionNames`).
enum CoverageJSON {
    /// Members in sorted order: `as_of`, `group_by`, `groups`, `metric`, `population`, `region`, `region_name`,
    /// `total`.
    static func report(_ report: CoverageReport, names: RegionNames = .none) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("as_of", report.query.asOf.description)
        groupBy(&json, report.query)
        groups(&json, report, names)
        json.member("metric", report.query.metric.rawValue)
        json.key("population")
        population(&json, report.query.population)
        json.member("region", report.query.region.value)
        json.member("region_name", orNull: names[report.query.region.value])
        json.key("total")
        var targets = TargetTexts()
        figures(&json, report.total, withKey: false, &targets)
        json.endObject()
        return json.bytes
    }

    /// Members in sorted order: `group_by`, `metric`, `points`, `population`, `region`, `region_name`.
    static func trend(_ query: CoverageQuery, _ reports: [CoverageReport], names: RegionNames = .none) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        groupBy(&json, query)
        json.member("metric", query.metric.rawValue)
        json.key("points")
        json.beginArray()
        for report in reports {
            json.beginObject()
            json.member("as_of", report.query.asOf.description)
            groups(&json, report, names)
            json.key("total")
            var targets = TargetTexts()
            figures(&json, report.total, withKey: false, &targets)
            json.endObject()
        }
        json.endArray()
        json.key("population")
        population(&json, query.population)
        json.member("region", query.region.value)
        json.member("region_name", orNull: names[query.region.value])
        json.endObject()
        return json.bytes
    }

    static func groupBy(_ json: inout JSONWriter, _ query: CoverageQuery) {
        json.key("group_by")
        if let groupBy = query.groupBy { json.string(groupBy.rawValue) } else { json.null() }
    }

    static func groups(_ json: inout JSONWriter, _ report: CoverageReport, _ names: RegionNames) {
        json.key("groups")
        json.beginArray()
        var targets = TargetTexts()
        for group in report.groups { figures(&json, group, withKey: true, &targets, names: names) }
        json.endArray()
    }

    static func population(_ json: inout JSONWriter, _ filter: PopulationFilter) {
        json.beginObject()
        json.key("above_scale")
        if let value = filter.aboveScale { json.raw(String(value)) } else { json.null() }
        json.key("industry")
        if let value = filter.industry { json.string(value.value) } else { json.null() }
        json.key("manufacturing")
        if let value = filter.manufacturing { json.raw(String(value)) } else { json.null() }
        json.key("sector")
        if let value = filter.sector { json.string(value.rawValue) } else { json.null() }
        json.key("size_class")
        if let value = filter.sizeClass { json.string(value.rawValue) } else { json.null() }
        json.endObject()
    }

    static func figures(
        _ json: inout JSONWriter, _ figures: CoverageFigures, withKey: Bool, _ targets: inout TargetTexts,
        names: RegionNames = .none
    ) {
        json.beginObject()
        json.member("covered", figures.covered)
        if withKey {
            json.key("key")
            if let key = figures.key { json.string(key) } else { json.null() }
        }
        json.key("met")
        if let met = figures.met { json.raw(String(met)) } else { json.null() }
        if withKey, names.groups { json.member("name", orNull: figures.key.flatMap { names[$0] }) }
        json.key("ratio")
        if let ratio = figures.ratioText() { json.raw(ratio) } else { json.null() }
        json.key("shortfall")
        if let shortfall = figures.shortfall { json.number(shortfall) } else { json.null() }
        json.key("target")
        if let target = figures.target { json.raw(targets.text(target)) } else { json.null() }
        json.member("total", figures.total)
        json.endObject()
    }
}

/// The `target` objects of one answer, each written once: a by-town answer's hundreds of groups share a few
/// targets.
struct TargetTexts {
    private var texts: [Int64: String] = [:]

    /// `{"deadline":…,"id":…,"ratio":…}`.
    mutating func text(_ target: CoverageTarget) -> String {
        if let text = texts[target.id] { return text }
        var json = JSONWriter()
        json.beginObject()
        json.member("deadline", target.deadline.description)
        json.key("id")
        json.raw(String(target.id))
        json.key("ratio")
        json.raw(target.ratio.description)
        json.endObject()
        let text = String(decoding: json.bytes, as: UTF8.self)
        texts[target.id] = text
        return text
    }
}
