import CryptoSupport
import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// Every route × every kind of caller, with the status each must get (API.md's who column; issue 6).
/// Extend `expectations` whenever a route is added.
@Suite struct AccessMatrixTests {
    enum CallerKind: String, CaseIterable, Sendable {
        case none, bad, expired, revoked, adminIn, adminOut, regulatorIn, regulatorOut, enterpriseA, enterpriseB,
            trainer, viewer
    }

    /// Enterprise A is in Zhongshan (4420), B in Shenzhen (4403). "In" scopes cover A; "out" ones cover only B.
    static let enterpriseA = Enterprise.fixture(1, region: "442000100001")
    static let enterpriseB = Enterprise.fixture(2, region: "440300100001")

    struct Route: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var body: String?
        var contentType = "application/json"
        var needsIfMatch = false
        /// Status per caller; callers not named get `otherwise`.
        var expected: [CallerKind: Int]
        var otherwise = 403
        /// For each caller, a new appointment of enterprise A in this status replaces `APPOINTMENT` in the path
        /// (`submitted`, `returned`, `registered`, or `documented`: submitted with a decision uploaded); without it
        /// one submitted appointment serves every caller.
        var fresh: String?
        var testDescription: String { name }
    }

    static let unauthenticated: [CallerKind: Int] = [.none: 401, .bad: 401, .expired: 401, .revoked: 401]

    static func newEnterprise(_ serial: Int) -> String {
        #"{"uscc":"\#(USCC.fixture(serial).value)","name":"新企业","region_code":"442000100001","size_class":"small","above_scale":false,"industry_code":"C3857","sector":"product"}"#
    }

    static let newTarget =
        #"{"region_code":"4420","population":{"above_scale":true,"manufacturing":true},"deadline":"2026-12-31","ratio":0.9}"#

    static let expectations: [Route] =
        [
            Route(
                name: "GET enterprise", method: "GET", path: "/v1/enterprises/\(enterpriseA.uscc.value)",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 200,
                    .enterpriseB: 404,
                    .trainer: 200,
                ]) { $1 }),
            Route(
                name: "GET enterprises", method: "GET", path: "/v1/enterprises",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200, .enterpriseA: 200,
                    .enterpriseB: 200,
                    .trainer: 200,
                ]) { $1 }),
            Route(
                name: "POST enterprises", method: "POST", path: "/v1/enterprises", body: "NEW",
                expected: unauthenticated.merging([
                    .adminIn: 201, .adminOut: 422, .regulatorIn: 201, .regulatorOut: 422,
                ]) { $1 }),
            Route(
                name: "PATCH enterprise", method: "PATCH", path: "/v1/enterprises/\(enterpriseA.uscc.value)",
                body: #"{"name":"改名"}"#, contentType: "application/merge-patch+json", needsIfMatch: true,
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404,
                ]) { $1 }),
            Route(
                name: "POST import", method: "POST", path: "/v1/enterprises/import?dry_run=true",
                body: "uscc,name,region_code,size_class,above_scale,industry_code,sector\n", contentType: "text/csv",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200,
                ]) { $1 }),
            Route(
                name: "GET export", method: "GET", path: "/v1/enterprises/export",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200,
                ]) { $1 }),
            Route(
                name: "POST tokens", method: "POST", path: "/v1/tokens", body: #"{"role":"viewer","region":"4420"}"#,
                expected: unauthenticated.merging([.adminIn: 201, .adminOut: 403]) { $1 }),
            Route(
                name: "GET tokens", method: "GET", path: "/v1/tokens",
                expected: unauthenticated.merging([.adminIn: 200, .adminOut: 200]) { $1 }),
            Route(
                name: "DELETE token", method: "DELETE", path: "/v1/tokens/TARGET",
                expected: unauthenticated.merging([.adminIn: 200, .adminOut: 404]) { $1 }),
            Route(
                name: "GET coverage targets", method: "GET", path: "/v1/coverage-targets",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200, .enterpriseA: 200,
                    .enterpriseB: 200,
                    .trainer: 200, .viewer: 200,
                ]) { $1 }),
            Route(
                name: "GET coverage target", method: "GET", path: "/v1/coverage-targets/10",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 200,
                    .enterpriseB: 200,
                    .trainer: 200, .viewer: 200,
                ]) { $1 }),
            Route(
                name: "POST coverage targets", method: "POST", path: "/v1/coverage-targets", body: newTarget,
                expected: unauthenticated.merging([.adminIn: 201, .adminOut: 422]) { $1 }),
            Route(
                name: "PUT coverage target", method: "PUT", path: "/v1/coverage-targets/10", body: newTarget,
                needsIfMatch: true, expected: unauthenticated.merging([.adminIn: 200, .adminOut: 404]) { $1 }),
            Route(
                name: "DELETE coverage target", method: "DELETE", path: "/v1/coverage-targets/9",
                expected: unauthenticated.merging([.adminIn: 204, .adminOut: 404]) { $1 }),
            Route(
                name: "GET coverage", method: "GET", path: "/v1/coverage?region=4420&group_by=size_class",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 404,
                    .enterpriseB: 404,
                    .trainer: 200, .viewer: 200,
                ]) { $1 }),
            Route(
                name: "GET coverage trend", method: "GET", path: "/v1/coverage/trend?region=4420",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 404,
                    .enterpriseB: 404,
                    .trainer: 200, .viewer: 200,
                ]) { $1 }),
            Route(
                name: "GET coverage worklist", method: "GET", path: "/v1/coverage/worklist?region=4420",
                expected: unauthenticated.merging([
                    .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404,
                ]) { $1 }),
            Route(
                name: "GET audit events", method: "GET", path: "/v1/audit-events",
                expected: unauthenticated.merging([.adminIn: 200, .adminOut: 200]) { $1 }),
        ] + appointmentRoutes + trainingRoutes

    @Test(arguments: expectations)
    func everyCallerGetsExactlyWhatItsRoleAndScopeAllow(route: Route) async throws {
        try await withTestRouter { server in
            try await server.seed([Self.enterpriseA, Self.enterpriseB])
            // A token in A's region that DELETE may revoke, issued before the callers' own tokens.
            _ = try await server.issueToken("viewer", region: "4420")
            let secrets = try await Self.secrets(server)
            let target =
                try server.database.registry.read { try $0.accessTokens(within: nil, afterID: nil, limit: 500) }
                .first { $0.role == "viewer" }?.id ?? 0
            let shared = try await Self.appointment("submitted", server, secrets)
            let training = try await Self.trainingFixture(route, server)
            for (index, caller) in CallerKind.allCases.enumerated() {
                let expected = route.expected[caller] ?? route.otherwise
                var headers = ["Content-Type": route.contentType]
                if let secret = secrets[caller] { headers["Authorization"] = "Bearer \(secret)" }
                if route.needsIfMatch, expected == 200 || expected == 404 {
                    let admin = server.client(token: secrets[.adminIn])
                    headers["If-Match"] = try await admin.get(route.path)[header: "etag"] ?? "\"none\""
                }
                let body = route.body == "NEW" ? Self.newEnterprise(100 + index) : route.body
                var appointment = shared
                if let status = route.fresh { appointment = try await Self.appointment(status, server, secrets) }
                let path = route.path.replacingOccurrences(of: "TARGET", with: String(target))
                    .replacingOccurrences(of: "APPOINTMENT", with: String(appointment))
                    .replacingOccurrences(of: "SESSION", with: String(training?.session ?? 0))
                    .replacingOccurrences(of: "CERTIFICATE", with: training?.certificate ?? "none")
                let reply = try await server.anonymous.send(
                    route.method, path, headers: headers, body: Array((body ?? "").utf8))
                #expect(reply.status == expected, "\(route.name) as \(caller.rawValue): \(reply.text)")
                if expected == 401 { #expect(reply[header: "www-authenticate"]?.hasPrefix("Bearer") == true) }
            }
        }
    }

    static func secrets(_ server: TestServer) async throws -> [CallerKind: String] {
        var secrets: [CallerKind: String] = [.bad: "cqo_this-token-was-never-issued-by-anyone-at-all"]
        secrets[.expired] = try await server.issueToken(
            "regulator", region: "4420", expiresAt: "2025-06-01T00:00:00.000Z")
        let revoked = try await server.issueToken("regulator", region: "4420")
        secrets[.revoked] = revoked
        let hash = TokenSecretHash.of(revoked)
        try await server.database.registry.write { writer in
            if let token = try writer.accessToken(secretHash: hash) {
                try writer.revokeAccessToken(id: token.id, at: "2025-06-01T00:00:00.000Z")
            }
        }
        secrets[.adminIn] = try await server.issueToken("admin", region: "44")
        secrets[.adminOut] = try await server.issueToken("admin", region: "4403")
        secrets[.regulatorIn] = try await server.issueToken("regulator", region: "4420")
        secrets[.regulatorOut] = try await server.issueToken("regulator", region: "4403")
        secrets[.enterpriseA] = try await server.issueToken("enterprise", uscc: enterpriseA.uscc.value)
        secrets[.enterpriseB] = try await server.issueToken("enterprise", uscc: enterpriseB.uscc.value)
        secrets[.trainer] = try await server.issueToken("trainer")
        secrets[.viewer] = try await server.issueToken("viewer", region: "4420")
        return secrets
    }
}

enum TokenSecretHash {
    static func of(_ secret: String) -> String { SHA256.hex(secret) }
}
