import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// The matrix rows of training (issue 13): sessions, attendance, exams, certificates, the talent pool. The matrix's
/// trainer has no region, so it reaches every session and person; person 1 is enterprise A's filed person.
extension AccessMatrixTests {
    static let trainers: [CallerKind: Int] = unauthenticated.merging([.trainer: 200, .regulatorIn: 200]) { $1 }

    static let trainingRoutes: [Route] = [
        Route(
            name: "POST training session", method: "POST", path: "/v1/training-sessions",
            body:
                #"{"provider":"省质协","title":"培训","hours":8,"starts_on":"2025-03-01","ends_on":"2025-03-01","mode":"online","region_code":"4420"}"#,
            expected: unauthenticated.merging([.trainer: 201, .regulatorIn: 201, .regulatorOut: 422]) { $1 }),
        Route(
            name: "GET training sessions", method: "GET", path: "/v1/training-sessions",
            expected: trainers.merging([.regulatorOut: 200]) { $1 }),
        Route(
            name: "GET training session", method: "GET", path: "/v1/training-sessions/SESSION",
            expected: trainers.merging([.regulatorOut: 404]) { $1 }),
        Route(
            name: "PUT attendance", method: "PUT", path: "/v1/training-sessions/SESSION/attendance", body: "[]",
            expected: trainers.merging([.regulatorOut: 404]) { $1 }),
        Route(
            name: "POST exam", method: "POST", path: "/v1/exams",
            body: #"{"person_id":1,"taken_on":"2025-03-09","score":50}"#,
            expected: unauthenticated.merging([.trainer: 201, .regulatorIn: 201, .regulatorOut: 422]) { $1 }),
        Route(
            name: "POST exams import", method: "POST", path: "/v1/exams/import",
            body: "person_id,taken_on,score\n1,2025-03-09,50\n", contentType: "text/csv",
            expected: trainers.merging([.regulatorOut: 422]) { $1 }),
        Route(
            name: "GET certificate (public)", method: "GET", path: "/v1/certificates/CERTIFICATE",
            expected: Dictionary(uniqueKeysWithValues: CallerKind.allCases.map { ($0, 200) })),
        Route(
            name: "POST certificate renew", method: "POST", path: "/v1/certificates/CERTIFICATE/renew", body: "{}",
            // In scope, the certificate is found and refused for want of continuing-education hours.
            expected: unauthenticated.merging([.trainer: 409, .regulatorIn: 409, .regulatorOut: 404]) { $1 }),
        Route(
            name: "GET talent pool", method: "GET", path: "/v1/talent-pool",
            expected: unauthenticated.merging([
                .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200, .enterpriseA: 200,
                .enterpriseB: 200, .trainer: 200,
            ]) { $1 }),
    ]

    /// A session in 4420 and a certificate for person 1, made by a Zhongshan trainer; nil for routes needing neither.
    static func trainingFixture(_ route: Route, _ server: TestServer) async throws -> (
        session: Int, certificate: String
    )? {
        guard route.path.contains("SESSION") || route.path.contains("CERTIFICATE") else { return nil }
        let trainer = try await server.client("trainer", region: "4420")
        let session = try await trainer.post(
            "/v1/training-sessions",
            json:
                #"{"provider":"省质协","title":"培训","hours":8,"starts_on":"2025-03-01","ends_on":"2025-03-01","mode":"online","region_code":"4420"}"#
        )
        let exam = try await trainer.post("/v1/exams", json: #"{"person_id":1,"taken_on":"2025-03-09","score":90}"#)
        return (
            try #require(session.json["id"] as? Int),
            try #require((exam.json["certificate"] as? [String: Any])?["number"] as? String)
        )
    }
}
