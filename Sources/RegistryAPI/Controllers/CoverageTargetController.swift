import HTTPServer
import RegistryDomain

/// Coverage targets (覆盖率目标), seeded with Guangdong's and Zhongshan's; admins add, change and remove them.
///
/// - `GET    /v1/coverage-targets`       listCoverageTargets   in scope, viewer
/// - `GET    /v1/coverage-targets/{id}`  getCoverageTarget     in scope, viewer
/// - `POST   /v1/coverage-targets`       createCoverageTarget  admin (within its region)
/// - `PUT    /v1/coverage-targets/{id}`  replaceCoverageTarget admin, If-Match required
/// - `DELETE /v1/coverage-targets/{id}`  deleteCoverageTarget  admin
struct CoverageTargetController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/coverage-targets", .readCoverageTargets, listCoverageTargets)
        routes.protected(.get, "/v1/coverage-targets/{id}", .readCoverageTargets, getCoverageTarget)
        routes.protected(.post, "/v1/coverage-targets", .manageCoverageTargets, createCoverageTarget)
        routes.protected(.put, "/v1/coverage-targets/{id}", .manageCoverageTargets, replaceCoverageTarget)
        routes.protected(.delete, "/v1/coverage-targets/{id}", .manageCoverageTargets, deleteCoverageTarget)
    }

    @Sendable func listCoverageTargets(_ context: RequestContext) async throws -> HTTPResponse {
        var problems = ViolationCollector()
        let parameters = context.request.queryParameters
        parameters.refuseUnknown(["limit", "cursor"], into: &problems)
        let page = Page(parameters, problems: &problems)
        let after = page.after.map { Int64($0) }
        if case .some(nil) = after { problems.add("cursor", "format", "cursor is not one this server gave out") }
        try problems.throwIfAny()
        let caller = context.caller
        let afterID: Int64 = (after ?? nil) ?? 0
        let targets = try services.storage.read { try $0.coverageTargets() }
            .filter { caller.reads($0) && $0.id > afterID }
            .prefix(page.limit)
        let next = targets.count == page.limit ? targets.last.map { String($0.id) } : nil
        return Page.response(
            request: context.request, items: targets.map { CoverageTargetJSON.document($0).body }, nextKey: next)
    }

    @Sendable func getCoverageTarget(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        guard let target = try services.storage.read({ try $0.coverageTarget(id: id) }), context.caller.reads(target)
        else { throw Problem.notFound() }
        let (body, etag) = CoverageTargetJSON.document(target)
        return EntityTag.respond(to: context.request, body: body, etag: etag)
    }

    @Sendable func createCoverageTarget(_ context: RequestContext) async throws -> HTTPResponse {
        let draft = try CoverageTargetJSON.target(try JSONBody.object(context.request), id: 0)
        try Self.requireSettable(draft, context.caller)
        let caller = context.caller
        let replayScope = ReplayScope { reader, location in
            // The target as it is now: a replacement may have moved it out of the caller's view.
            guard let id = location.flatMap({ Int64($0.split(separator: "/").last ?? "") }),
                let target = try reader.coverageTarget(id: id), caller.reads(target)
            else { throw Problem.notFound() }
        }
        return try await services.mutate(context, replayScope: replayScope) { writer in
            let target = try writer.insert(draft)
            let (body, etag) = CoverageTargetJSON.document(target)
            return MutationOutcome(
                response: HTTPResponse(
                    status: .created,
                    headers: [
                        "Content-Type": "application/json", "ETag": etag,
                        "Location": "/v1/coverage-targets/\(target.id)",
                    ],
                    bytes: body),
                audit: [
                    AuditNote(
                        action: "coverage_target.create", resource: "coverage_target/\(target.id)",
                        regionCode: target.regionCode, change: body)
                ])
        }
    }

    @Sendable func replaceCoverageTarget(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        let replacement = try CoverageTargetJSON.target(try JSONBody.object(context.request), id: id)
        let request = context.request
        let caller = context.caller
        return try await services.mutate(context) { writer in
            guard let current = try writer.coverageTarget(id: id), caller.reads(current) else {
                throw Problem.notFound()
            }
            guard caller.sets(current) else { throw Self.forbidden }
            try EntityTag.requireMatch(request, current: CoverageTargetJSON.document(current).etag)
            try Self.requireSettable(replacement, caller)
            try writer.update(replacement)
            let (body, etag) = CoverageTargetJSON.document(replacement)
            return MutationOutcome(
                response: HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json", "ETag": etag], bytes: body),
                // The region the target has after the change (the caller sets the one it had too).
                audit: [
                    AuditNote(
                        action: "coverage_target.replace", resource: "coverage_target/\(id)",
                        regionCode: replacement.regionCode, change: body)
                ])
        }
    }

    @Sendable func deleteCoverageTarget(_ context: RequestContext) async throws -> HTTPResponse {
        let id = try Self.pathID(context)
        let request = context.request
        let caller = context.caller
        return try await services.mutate(context) { writer in
            guard let current = try writer.coverageTarget(id: id), caller.reads(current) else {
                throw Problem.notFound()
            }
            guard caller.sets(current) else { throw Self.forbidden }
            try EntityTag.requireMatch(request, current: CoverageTargetJSON.document(current).etag, required: false)
            try writer.deleteCoverageTarget(id: id)
            return MutationOutcome(
                response: HTTPResponse(status: .noContent),
                audit: [
                    AuditNote(
                        action: "coverage_target.delete", resource: "coverage_target/\(id)",
                        regionCode: current.regionCode, change: CoverageTargetJSON.encode(current, etag: nil))
                ])
        }
    }

    static func pathID(_ context: RequestContext) throws(Problem) -> Int64 {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }), id > 0 else { throw Problem.notFound() }
        return id
    }

    static func requireSettable(_ target: CoverageTarget, _ caller: Caller) throws(ValidationFailure) {
        guard caller.sets(target) else {
            throw ValidationFailure(
                field: "region_code", code: "out_of_scope", message: "region_code is outside your token's region")
        }
    }

    static let forbidden = Problem(
        .forbidden, type: ProblemType.forbidden, detail: "this target was set for a region above yours")
}
