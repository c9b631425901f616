import HTTPServer
import RegistryDomain

/// Roster import and export as CSV. Registered before `/v1/enterprises/{uscc}`, which would otherwise match.
///
/// - `POST /v1/enterprises/import`  importEnterprises  admin, regulator; `text/csv`; `?dry_run=`, `?skip_invalid=`
/// - `GET  /v1/enterprises/export`  exportEnterprises  admin, regulator; the list's filters; streamed CSV
struct RosterController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/enterprises/import", .importEnterprises, body: .bulk, importEnterprises)
        routes.protected(.get, "/v1/enterprises/export", .exportEnterprises, exportEnterprises)
    }

    @Sendable func exportEnterprises(_ context: RequestContext) async throws -> HTTPResponse {
        var problems = ViolationCollector()
        for name in context.request.queryParameters.names where name == "limit" || name == "cursor" {
            problems.add(name, "unknown", "the export has every matching enterprise; \(name) is not one of its filters")
        }
        try problems.throwIfAny()
        let query = try EnterpriseFilters.query(context)
        // The tag names the data version (raised by every change to enterprises and appointments), the day
        // (`covered` is judged today), the caller's scope and the filters: a match needs no streaming at all, and
        // no snapshot. The body is streamed from a snapshot whose own version makes the tag it is sent with, so it
        // is exactly the state the tag names.
        let filters = context.request.queryParameters.items.map { "\($0.name)=\($0.value)" }.sorted()
        let scope = context.caller.regionScope.map(\.value).joined(separator: ",")
        func tag(_ version: Int64) -> String {
            EntityTag.of(Array("export|\(version)|\(context.today)|\(scope)|\(filters)".utf8))
        }
        let current = tag(try services.storage.read { try $0.coverageDataVersion() })
        if let condition = context.request.headers["If-None-Match"],
            EntityTag.listMatches(condition, current, weak: true)
        {
            return HTTPResponse(status: .notModified, headers: ["ETag": current])
        }
        let snapshot = try services.storage.snapshot()
        let etag = tag(try snapshot.read { try $0.coverageDataVersion() })
        return HTTPResponse(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8", "ETag": etag,
                "Content-Disposition": "attachment; filename=\"enterprises-\(context.today).csv\"",
            ],
            body: .stream(RosterExport.stream(query, snapshot: snapshot)))
    }

    @Sendable func importEnterprises(_ context: RequestContext) async throws -> HTTPResponse {
        try CSVReader.requireCSV(context.request, what: "the roster")
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        parameters.refuseUnknown(["dry_run", "skip_invalid"], into: &problems, what: "an option of the import")
        let dryRun = parameters.boolean("dry_run", into: &problems) ?? false
        let skipInvalid = parameters.boolean("skip_invalid", into: &problems) ?? false
        try problems.throwIfAny()
        let caller = context.caller
        let importer = RosterImporter.Importer(
            actorToken: caller.tokenID, actorRole: caller.role.rawValue, requestID: context.request.requestID,
            regionCode: caller.region)
        let report = try await RosterImporter.run(
            context.request.body,
            charset: MediaType.parameter("charset", of: context.request.headers["Content-Type"] ?? ""),
            options: .init(dryRun: dryRun, skipInvalid: skipInvalid), scope: caller.region, storage: services.storage,
            importer: importer, now: context.now)
        // The import's events are in the caller's scope, anywhere below it: wake every feed reader.
        if !dryRun { services.changes.notify(regions: nil) }
        return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], bytes: report.json)
    }
}

extension MediaType {
    /// A parameter's value (`charset` of `text/csv; charset=gb18030`), unquoted, or nil.
    static func parameter(_ name: String, of value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == name else { continue }
            var text = pair[1].trimmingSpaces()
            if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 {
                text = String(text.dropFirst().dropLast())
            }
            return text
        }
        return nil
    }
}
