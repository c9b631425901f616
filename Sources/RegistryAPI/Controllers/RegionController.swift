import HTTPServer
import RegistryDomain

/// Names of division codes (区划代码 / 镇街), shown beside the codes in coverage answers, worklists, exports and the
/// dashboard. Seeded with Guangdong's 21 prefecture-level cities and Zhongshan's towns and subdistricts (migration
/// 0010); a code without a name still works everywhere.
///
/// - `GET /v1/regions[?parent=]`  listRegions    anyone with a token; all named regions, or those under `parent`
/// - `GET /v1/regions/{code}`     getRegion      anyone with a token; ETag
/// - `PUT /v1/regions/{code}`     replaceRegion  admin, within its region; If-Match to replace an existing name
struct RegionController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/regions", .readRegions, listRegions)
        routes.protected(.get, "/v1/regions/{code}", .readRegions, getRegion)
        routes.protected(.put, "/v1/regions/{code}", .manageRegions, replaceRegion)
    }

    @Sendable func listRegions(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        parameters.refuseUnknown(["parent", "limit", "cursor"], into: &problems)
        let parent = problems.check { () throws(ValidationFailure) in
            try parameters["parent"].map { text throws(ValidationFailure) in try RegionCode(text, field: "parent") }
        }
        let page = Page(parameters, problems: &problems)
        if let after = page.after, !RegionCode.isValid(after) {
            problems.add("cursor", "format", "cursor is not one this server gave out")
        }
        try problems.throwIfAny()
        let records = try services.storage.read {
            try $0.regions(parent: parent ?? nil, after: page.after, limit: page.limit)
        }
        let next = records.count == page.limit ? records.last?.region.code.value : nil
        return Page.response(
            request: context.request, items: records.map { RegionJSON.document($0).body }, nextKey: next)
    }

    @Sendable func getRegion(_ context: RequestContext) async throws -> HTTPResponse {
        let code = try Self.pathCode(context)
        guard let record = try services.storage.read({ try $0.region(code: code) }) else {
            throw Problem.notFound("no name is kept for this code")
        }
        let (body, etag) = RegionJSON.document(record)
        return EntityTag.respond(to: context.request, body: body, etag: etag)
    }

    @Sendable func replaceRegion(_ context: RequestContext) async throws -> HTTPResponse {
        let code = try Self.pathCode(context)
        guard context.caller.region?.contains(code) ?? false else {
            throw Problem(
                .forbidden, type: ProblemType.forbidden, detail: "this code lies outside your token's region")
        }
        let draft = try RegionJSON.draft(try JSONBody.object(context.request))
        let request = context.request
        return try await services.mutate(context) { writer in
            let current = try writer.region(code: code)
            if let current { try EntityTag.requireMatch(request, current: RegionJSON.document(current).etag) }
            let region = try Region.validated(
                draft, code: code,
                defaultParent: try current?.region.parentCode ?? writer.nearestNamedAncestor(of: code))
            let created = try writer.save(region, at: context.now)
            guard let record = try writer.region(code: code) else { throw StoreError.notFound }
            let (body, etag) = RegionJSON.document(record)
            var headers: HTTPHeaders = ["Content-Type": "application/json", "ETag": etag]
            if created { headers.add("Location", "/v1/regions/\(code.value)") }
            return MutationOutcome(
                response: HTTPResponse(status: created ? .created : .ok, headers: headers, bytes: body),
                audit: [
                    AuditNote(
                        action: created ? "region.create" : "region.replace", resource: "region/\(code.value)",
                        regionCode: code, change: body)
                ],
                changes: [ChangeEvents.region(region, kind: created ? "created" : "renamed", at: context.now)])
        }
    }

    static func pathCode(_ context: RequestContext) throws(Problem) -> RegionCode {
        guard let text = context.parameters["code"], let code = try? RegionCode(text) else {
            throw Problem.notFound("a region code is 1 to 12 digits")
        }
        return code
    }
}
