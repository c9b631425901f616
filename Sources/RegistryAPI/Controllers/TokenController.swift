import HTTPServer
import RegistryDomain

/// API tokens, managed by admins within their own scope.
///
/// - `POST   /v1/tokens`       createToken   admin (a token wider than the admin's scope → 403)
/// - `GET    /v1/tokens`       listTokens    admin
/// - `DELETE /v1/tokens/{id}`  revokeToken   admin
struct TokenController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/tokens", .createToken, createToken)
        routes.protected(.get, "/v1/tokens", .listTokens, listTokens)
        routes.protected(.delete, "/v1/tokens/{id}", .revokeToken, revokeToken)
    }

    @Sendable func createToken(_ context: RequestContext) async throws -> HTTPResponse {
        var fields = JSONFields(try JSONBody.object(context.request))
        let request = TokenIssuer.Request(
            role: fields.string("role") ?? "", region: fields.string("region"), uscc: fields.string("uscc"),
            label: fields.string("label") ?? "", expiresAt: fields.string("expires_at"))
        fields.refuseUnread(readOnly: ["id", "created_at", "revoked_at", "secret"])
        if request.role.isEmpty { fields.problems.add("role", "required", "role is required") }
        try fields.problems.throwIfAny()
        let (_, region, uscc) = try TokenIssuer.validated(request)
        let caller = context.caller
        let today = context.today
        let now = context.now
        let replayScope = ReplayScope { reader, _ in
            try Self.requireWithinScope(caller, region: region, uscc: uscc, writer: reader, today: today)
        }
        return try await services.mutate(context, replayScope: replayScope) { writer in
            try Self.requireWithinScope(caller, region: region, uscc: uscc, writer: writer, today: today)
            let (token, secret) = try TokenIssuer.issue(request, writer: writer, now: now)
            let tokenRegion = try TokenIssuer.regionCode(of: token, reader: writer, today: today)
            let body = AccessTokenJSON.encode(token, secret: secret)
            var outcome = MutationOutcome(
                response: HTTPResponse(
                    status: .created,
                    headers: [
                        "Content-Type": "application/json", "Location": "/v1/tokens/\(token.id)",
                        "Cache-Control": "no-store",
                    ],
                    bytes: body),
                audit: [
                    AuditNote(
                        action: "token.create", resource: "token/\(token.id)", regionCode: tokenRegion,
                        change: AccessTokenJSON.encode(token))
                ])
            // The secret is shown once: a replay of this request names the token but never shows it again (and the
            // database never holds it, not even in the idempotency record).
            outcome.replayBody = AccessTokenJSON.encode(token)
            return outcome
        }
    }

    @Sendable func listTokens(_ context: RequestContext) async throws -> HTTPResponse {
        var problems = ViolationCollector()
        let parameters = context.request.queryParameters
        parameters.refuseUnknown(["limit", "cursor"], into: &problems)
        let page = Page(parameters, problems: &problems)
        let after = page.afterID(into: &problems)
        try problems.throwIfAny()
        let region = context.caller.region
        let tokens = try services.storage.read {
            try $0.accessTokens(within: region, afterID: after, limit: page.limit)
        }
        let next = tokens.count == page.limit ? tokens.last.map { String($0.id) } : nil
        return Page.response(request: context.request, items: tokens.map { AccessTokenJSON.encode($0) }, nextKey: next)
    }

    @Sendable func revokeToken(_ context: RequestContext) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        let caller = context.caller
        let today = context.today
        let now = context.now
        let response = try await services.mutate(context) { writer in
            guard let token = try writer.accessToken(id: id),
                try Self.isWithinScope(caller, region: token.region, uscc: token.uscc, writer: writer, today: today)
            else { throw Problem.notFound() }
            try writer.revokeAccessToken(id: id, at: now)
            let revoked = try writer.accessToken(id: id) ?? token
            let body = AccessTokenJSON.encode(revoked)
            let tokenRegion = try TokenIssuer.regionCode(of: token, reader: writer, today: today)
            return MutationOutcome(
                response: HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], bytes: body),
                audit: [
                    AuditNote(action: "token.revoke", resource: "token/\(id)", regionCode: tokenRegion, change: body)
                ])
        }
        services.authenticator.forget(tokenID: id)
        return response
    }

    /// An admin issues and manages only tokens within its own region: a region under its prefix, or an
    /// enterprise on the roster inside it. Anything wider is 403.
    static func requireWithinScope(
        _ caller: Caller, region: RegionCode?, uscc: USCC?, writer: any RegistryReader, today: CivilDate
    ) throws {
        guard let scope = caller.region else { throw forbidden }
        if let uscc {
            // The same answer whether the enterprise is elsewhere or nowhere: existence outside one's region does
            // not leak.
            guard let record = try writer.enterprise(uscc, on: today), scope.contains(record.enterprise.regionCode)
            else {
                throw ValidationFailure(
                    field: "uscc", code: "not_found",
                    message: "no enterprise with this uscc is on the roster in your region")
            }
        } else {
            guard let region, scope.contains(region) else { throw forbidden }
        }
    }

    /// `requireWithinScope` as a question: false where it refuses; a store error (busy, unreadable) still throws,
    /// so it is answered as such rather than as a 404.
    static func isWithinScope(
        _ caller: Caller, region: RegionCode?, uscc: USCC?, writer: any RegistryReader, today: CivilDate
    ) throws -> Bool {
        do {
            try requireWithinScope(caller, region: region, uscc: uscc, writer: writer, today: today)
            return true
        } catch is Problem { return false } catch is ValidationFailure { return false }
    }

    static let forbidden = Problem(
        .forbidden, type: ProblemType.forbidden, detail: "the token would reach beyond your own region")
}
