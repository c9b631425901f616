import HTTPServer
import RegistryDomain

/// Coverage figures against targets, for dashboards that poll (覆盖率).
///
/// - `GET /v1/coverage`            getCoverage          in scope, viewer
/// - `GET /v1/coverage/trend`      getCoverageTrend     in scope, viewer
/// - `GET /v1/coverage/worklist`   getCoverageWorklist  admin, regulator
///
/// Every answer's ETag is derived from the coverage data version (raised by triggers in the same transaction as
/// every change) and the resolved question, so an `If-None-Match` poll is answered 304 after one indexed read of
/// the version, without counting anything. `Cache-Control: no-cache` makes caches ask every time.
struct CoverageController {
    let services: Services
    /// The most month ends a trend may span (ten years).
    static let maximumTrendPoints = 120

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/coverage", .readCoverage, getCoverage)
        routes.protected(.get, "/v1/coverage/trend", .readCoverage, getCoverageTrend)
        routes.protected(.get, "/v1/coverage/worklist", .readCoverageWorklist, getCoverageWorklist)
    }

    @Sendable func getCoverage(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = try CoverageParameters(context)
        let query = parameters.query
        return try respond(context, parameters, canonical: parameters.canonical("coverage")) { reader in
            let tally = try reader.coverageCounts(query, on: [query.asOf])
            let targets = try reader.coverageTargets()
            let reports = zip([query.asOf], tally.points).map { date, point in
                CoverageReport.assembled(query.asOf(date), groups: point.groups, total: point.total, targets: targets)
            }
            let names = try RegionNames.load(for: query, reports, from: reader)
            guard parameters.format == .json else {
                let rows = CoverageCSV.reportRows(reports, names: names)
                let table = parameters.format.table(
                    rows, sheet: "coverage", numericColumns: CoverageCSV.reportNumericColumns)
                return (table, tally.version)
            }
            return (CoverageJSON.report(reports[0], names: names), tally.version)
        }
    }

    @Sendable func getCoverageTrend(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = try CoverageParameters(context, extra: ["from", "to"])
        var problems = ViolationCollector()
        let to = CoverageParameters.date(parameters.parameters, "to", &problems) ?? context.today
        let from =
            CoverageParameters.date(parameters.parameters, "from", &problems)
            ?? to.adding(days: -366).endOfMonth.adding(days: 1)
        let ends = CivilDate.monthEnds(from: from, through: to)
        if to < from { problems.add("to", "range", "to is on or after from") }
        if ends.count > Self.maximumTrendPoints {
            problems.add("from", "range", "a trend spans at most \(Self.maximumTrendPoints) month ends")
        }
        try problems.throwIfAny()
        let query = parameters.query
        return try respond(context, parameters, canonical: parameters.canonical("trend|\(from)|\(to)")) { reader in
            let tally = try reader.coverageCounts(query, on: ends)
            let targets = try reader.coverageTargets()
            let reports = zip(ends, tally.points).map { date, point in
                CoverageReport.assembled(query.asOf(date), groups: point.groups, total: point.total, targets: targets)
            }
            let names = try RegionNames.load(for: query, reports, from: reader)
            guard parameters.format == .json else {
                let rows = CoverageCSV.reportRows(reports, names: names)
                let table = parameters.format.table(
                    rows, sheet: "trend", numericColumns: CoverageCSV.reportNumericColumns)
                return (table, tally.version)
            }
            return (CoverageJSON.trend(query, reports, names: names), tally.version)
        }
    }

    @Sendable func getCoverageWorklist(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = try CoverageParameters(context, extra: ["limit", "cursor"])
        var problems = ViolationCollector()
        let page = Page(parameters.parameters, problems: &problems)
        let after = page.after.flatMap { try? USCC($0) }
        if page.after != nil, after == nil {
            problems.add("cursor", "format", "cursor is not one this server gave out")
        }
        try problems.throwIfAny()
        let query = parameters.query
        if parameters.format != .json {
            // The whole worklist, for a spreadsheet.
            let (enterprises, names) = try services.storage.read { reader in
                let enterprises = try reader.uncoveredEnterprises(query, after: nil, limit: .max)
                return (enterprises, try RegionNames.load(for: enterprises, from: reader))
            }
            let body = parameters.format.table(
                CoverageCSV.worklistRows(enterprises, day: query.asOf, names: names), sheet: "worklist")
            let name = "worklist-\(query.region)-\(query.asOf).\(parameters.format.rawValue)"
            return EntityTag.respond(
                to: context.request, body: body, contentType: parameters.format.mediaType,
                extraHeaders: ["Content-Disposition": "attachment; filename=\"\(name)\""])
        }
        let enterprises = try services.storage.read {
            try $0.uncoveredEnterprises(query, after: after, limit: page.limit)
        }
        let items = enterprises.map { EnterpriseJSON.document(EnterpriseRecord(enterprise: $0, covered: false)).body }
        let next = enterprises.count == page.limit ? enterprises.last?.uscc.value : nil
        return Page.response(request: context.request, items: items, nextKey: next)
    }

    /// Reads the data version (and the version of region names, which answers show); answers 304 when the client's
    /// tag is current, else counts with `make` in the same snapshot. `make` returns the body and the data version it reflects (older than the snapshot's while the
    /// index is being rebuilt), from which the 200's tag is made.
    func respond(
        _ context: RequestContext, _ parameters: CoverageParameters, canonical: String,
        _ make: (any RegistryReader) throws -> (body: [UInt8], version: Int64)
    ) throws -> HTTPResponse {
        let condition = context.request.headers["If-None-Match"]
        let (etag, body) = try services.storage.read { reader -> (String, [UInt8]?) in
            let names = try reader.regionNamesVersion()
            func tag(_ version: Int64) -> String {
                EntityTag.of(Array("coverage|\(version)|\(names)|\(canonical)".utf8))
            }
            let current = tag(try reader.coverageDataVersion())
            if let condition, EntityTag.listMatches(condition, current, weak: true) { return (current, nil) }
            let made = try make(reader)
            return (tag(made.version), made.body)
        }
        var headers: HTTPHeaders = ["ETag": etag, "Cache-Control": "no-cache"]
        guard let body else { return HTTPResponse(status: .notModified, headers: headers) }
        if parameters.format != .json {
            headers.add("Content-Type", parameters.format.mediaType)
            headers.add(
                "Content-Disposition",
                "attachment; filename=\"coverage-\(parameters.query.region).\(parameters.format.rawValue)\"")
        } else {
            headers.add("Content-Type", "application/json")
        }
        return HTTPResponse(status: .ok, headers: headers, bytes: body)
    }
}
