import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// The matrix rows of direct reports, recognitions and regions (issue 14): every route × every kind of caller.
/// Enterprise A has a registered CQO; B has none.
extension AccessMatrixTests {
    struct ReportRoute: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        /// `REPORT` and `RECOGNITION` are replaced by ids made for the test (see `fresh`).
        var path: String
        var body: String?
        var contentType = "application/json"
        var needsIfMatch = false
        var expected: [CallerKind: Int]
        /// For each caller, a new report of A in this status (`open`, `acknowledged`), or a new recognition of A
        /// (`recognition`), replaces the placeholder; without it one shared report and recognition serve everyone.
        var fresh: String?
        var testDescription: String { name }
    }

    static let pdf = Data("%PDF-1.7\n%%EOF\n".utf8).base64EncodedString()
    static let newReport =
        #"{"subject":"异常","body":"一批次不合格","severity":"medium","attachment":{"content_type":"application/pdf","content_base64":"\#(pdf)"}}"#
    static let newRecognition = #"{"kind":"exemplary_case","level":"city","year":2024,"title":"质量提升典型案例"}"#
    static let everyToken: [CallerKind: Int] = unauthenticated.merging([
        .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200, .enterpriseA: 200, .enterpriseB: 200,
        .trainer: 200, .viewer: 200,
    ]) { $1 }
    static let reportReaders: [CallerKind: Int] = unauthenticated.merging([
        .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 200, .enterpriseB: 404,
    ]) { $1 }
    static var recognitionPath: String { "/v1/enterprises/\(enterpriseA.uscc.value)/recognitions" }

    static let reportRoutes: [ReportRoute] = [
        ReportRoute(
            name: "POST reports", method: "POST", path: "/v1/reports", body: newReport,
            expected: unauthenticated.merging([.enterpriseA: 201, .enterpriseB: 409]) { $1 }),
        ReportRoute(
            name: "GET reports", method: "GET", path: "/v1/reports",
            expected: unauthenticated.merging([
                .regulatorIn: 200, .regulatorOut: 200, .enterpriseA: 200, .enterpriseB: 200,
            ]) { $1 }),
        ReportRoute(name: "GET report", method: "GET", path: "/v1/reports/REPORT", expected: reportReaders),
        ReportRoute(
            name: "GET report attachment", method: "GET", path: "/v1/reports/REPORT/attachment",
            expected: reportReaders),
        ReportRoute(
            name: "POST report acknowledge", method: "POST", path: "/v1/reports/REPORT/acknowledge", body: "{}",
            expected: unauthenticated.merging([.regulatorIn: 200, .regulatorOut: 404]) { $1 }, fresh: "open"),
        ReportRoute(
            name: "POST report close", method: "POST", path: "/v1/reports/REPORT/close", body: #"{"note":"已处理"}"#,
            expected: unauthenticated.merging([.regulatorIn: 200, .regulatorOut: 404]) { $1 }, fresh: "acknowledged"),
        ReportRoute(
            name: "GET recognitions", method: "GET", path: "/v1/recognitions",
            expected: everyToken.merging([.viewer: 403]) { $1 }),
        ReportRoute(
            name: "GET enterprise recognitions", method: "GET", path: recognitionPath, expected: inScope),
        ReportRoute(
            name: "POST enterprise recognitions", method: "POST", path: recognitionPath, body: newRecognition,
            expected: unauthenticated.merging([.regulatorIn: 201, .regulatorOut: 404]) { $1 }),
        ReportRoute(
            name: "GET recognition", method: "GET", path: recognitionPath + "/RECOGNITION", expected: inScope),
        ReportRoute(
            name: "PATCH recognition", method: "PATCH", path: recognitionPath + "/RECOGNITION",
            body: #"{"level":"provincial"}"#, contentType: "application/merge-patch+json", needsIfMatch: true,
            expected: unauthenticated.merging([.regulatorIn: 200, .regulatorOut: 404]) { $1 }, fresh: "recognition"),
        ReportRoute(
            name: "DELETE recognition", method: "DELETE", path: recognitionPath + "/RECOGNITION",
            expected: unauthenticated.merging([.regulatorIn: 204, .regulatorOut: 404]) { $1 }, fresh: "recognition"),
        ReportRoute(name: "GET regions", method: "GET", path: "/v1/regions?parent=4420", expected: everyToken),
        ReportRoute(name: "GET region", method: "GET", path: "/v1/regions/4420", expected: everyToken),
        ReportRoute(
            name: "PUT region", method: "PUT", path: "/v1/regions/442000118", body: #"{"name":"翠亨新区"}"#,
            expected: unauthenticated.merging([.adminIn: 201, .adminOut: 403]) { $1 }),
    ]

    @Test(arguments: reportRoutes)
    func everyCallerGetsExactlyWhatItsRoleAndScopeAllowOfReports(route: ReportRoute) async throws {
        try await withTestServer { server in
            try await server.seed([Self.enterpriseA, Self.enterpriseB])
            let secrets = try await Self.secrets(server)
            _ = try await Self.appointment("registered", server, secrets)
            let shared = try await Self.made(route.fresh == nil ? "both" : "none", server, secrets)
            for caller in CallerKind.allCases {
                let expected = route.expected[caller] ?? 403
                var made = shared
                if let fresh = route.fresh { made = try await Self.made(fresh, server, secrets) }
                let path = route.path.replacingOccurrences(of: "REPORT", with: String(made.report))
                    .replacingOccurrences(of: "RECOGNITION", with: String(made.recognition))
                var headers = ["Content-Type": route.contentType]
                if let secret = secrets[caller] { headers["Authorization"] = "Bearer \(secret)" }
                if route.needsIfMatch, expected == 200 || expected == 404 {
                    let admin = TestClient(port: server.port, token: secrets[.adminIn])
                    headers["If-Match"] = try await admin.get(path)[header: "etag"] ?? "\"none\""
                }
                let reply = try await TestClient(port: server.port).send(
                    route.method, path, headers: headers, body: Array((route.body ?? "").utf8))
                #expect(reply.status == expected, "\(route.name) as \(caller.rawValue): \(reply.text)")
            }
        }
    }

    /// A report of A in `status` (`open`, `acknowledged`; `both` is an open report and a recognition) and a
    /// recognition of A (`recognition`, `both`); 0 for what was not asked for.
    static func made(_ what: String, _ server: TestServer, _ secrets: [CallerKind: String]) async throws
        -> (report: Int, recognition: Int)
    {
        let company = TestClient(port: server.port, token: secrets[.enterpriseA])
        let regulator = TestClient(port: server.port, token: secrets[.regulatorIn])
        var made = (report: 0, recognition: 0)
        if ["open", "acknowledged", "both"].contains(what) {
            let filed = try await company.post("/v1/reports", json: newReport)
            made.report = try #require(filed.json["id"] as? Int, "\(filed.text)")
            if what == "acknowledged" {
                _ = try await regulator.post("/v1/reports/\(made.report)/acknowledge", json: "{}")
            }
        }
        if ["recognition", "both"].contains(what) {
            let added = try await regulator.post(recognitionPath, json: newRecognition)
            made.recognition = try #require(added.json["id"] as? Int, "\(added.text)")
        }
        return made
    }
}
