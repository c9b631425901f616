import HTTPServer
import RegistryDomain

/// The parameters of `GET /v1/coverage` and `/v1/coverage/trend`: `region`, `as_of`, `group_by`, `metric`,
/// `format` and the population filters `size_class`, `above_scale`, `manufacturing`, `industry`, `sector`
/// (the same as the roster list's). Unknown parameters are refused.
struct CoverageParameters {
    /// `json` (default), or a table: `csv` (UTF-8 with BOM) or `xlsx`.
    enum Format: String {
        case json, csv, xlsx

        /// The `Content-Type` of a table format.
        var mediaType: String { self == .xlsx ? XLSXWorkbook.mediaType : "text/csv; charset=utf-8" }

        /// The table in this format (`json` is not a table format; it gets CSV).
        func table(_ rows: [[String]], sheet: String, numericColumns: Set<Int> = []) -> [UInt8] {
            self == .xlsx
                ? XLSXWorkbook.make(sheet: sheet, rows: rows, numericColumns: numericColumns) : CoverageCSV.csv(rows)
        }
    }

    var query: CoverageQuery
    var format: Format
    var parameters: QueryParameters

    static let common: Set<String> = [
        "region", "as_of", "group_by", "metric", "format", "size_class", "above_scale", "manufacturing", "industry",
        "sector",
    ]

    /// Parses and checks scope. `extra` names further parameters the route reads itself.
    init(_ context: RequestContext, extra: Set<String> = []) throws {
        parameters = context.request.queryParameters
        var problems = ViolationCollector()
        for name in parameters.names where !Self.common.contains(name) && !extra.contains(name) {
            problems.add(name, "unknown", "\(name) is not a parameter of coverage")
        }
        var requested: RegionCode?
        if let text = parameters["region"] {
            requested = problems.check { () throws(ValidationFailure) in
                try RegionCode(text, field: "region")
            }
        }
        let asOf = Self.date(parameters, "as_of", &problems) ?? context.today
        let metric =
            parameters["metric"].flatMap { text in
                problems.check { () throws(ValidationFailure) in try CoverageMetric.parsed(text) }
            } ?? .appointment
        let groupBy = parameters["group_by"].flatMap { text in
            problems.check { () throws(ValidationFailure) in try CoverageGrouping.parsed(text) }
        }
        format = Format(rawValue: parameters["format"] ?? "json") ?? .json
        if let text = parameters["format"], Format(rawValue: text) == nil {
            problems.add("format", "enum", "format is json, csv or xlsx")
        }
        var population = PopulationFilter()
        if let text = parameters["size_class"] {
            population.sizeClass = SizeClass(rawValue: text)
            if population.sizeClass == nil {
                problems.add("size_class", "enum", "size_class is large, medium, small or micro")
            }
        }
        population.aboveScale = parameters.boolean("above_scale", into: &problems)
        population.manufacturing = parameters.boolean("manufacturing", into: &problems)
        if let text = parameters["industry"] {
            population.industry = try? IndustryCode(text)
            if population.industry == nil || !IndustryCode.isValid(text) {
                problems.add("industry", "format", "industry is a GB/T 4754 code or prefix, e.g. C or C38")
            }
        }
        if let text = parameters["sector"] {
            population.sector = Sector(rawValue: text)
            if population.sector == nil { problems.add("sector", "enum", "sector is product, engineering or service") }
        }
        try problems.throwIfAny()
        let region = try context.caller.coverageRegion(requested)
        query = CoverageQuery(region: region, asOf: asOf, metric: metric, groupBy: groupBy, population: population)
    }

    static func date(_ parameters: QueryParameters, _ name: String, _ problems: inout ViolationCollector) -> CivilDate?
    {
        guard let text = parameters[name] else { return nil }
        guard let date = CivilDate(text) else {
            problems.add(name, "format", "\(name) is a date YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// Everything that decides the answer except the data: with the data version, the ETag's input.
    func canonical(_ extra: String = "") -> String {
        let p = query.population
        return [
            query.region.value, query.asOf.description, query.metric.rawValue, query.groupBy?.rawValue ?? "-",
            p.sizeClass?.rawValue ?? "-", p.aboveScale.map { String($0) } ?? "-",
            p.manufacturing.map { String($0) } ?? "-", p.industry?.value ?? "-", p.sector?.rawValue ?? "-",
            format.rawValue, extra,
        ].joined(separator: "|")
    }
}
