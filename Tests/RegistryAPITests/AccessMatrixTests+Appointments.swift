import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// The matrix rows of the appointment workflow (issue 7): filings, actions, people, documents, supervision, events.
extension AccessMatrixTests {
    static let inScope: [CallerKind: Int] = unauthenticated.merging([
        .adminIn: 200, .adminOut: 404, .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 200, .enterpriseB: 404,
        .trainer: 200,
    ]) { $1 }

    static let appointmentRoutes: [Route] = [
        Route(
            name: "POST enterprise appointments", method: "POST",
            path: "/v1/enterprises/\(enterpriseA.uscc.value)/appointments",
            body: FilingFixture.json(),
            expected: unauthenticated.merging([
                .regulatorIn: 201, .regulatorOut: 404, .enterpriseA: 201, .enterpriseB: 404,
            ]) { $1 }),
        Route(
            name: "GET enterprise appointments", method: "GET",
            path: "/v1/enterprises/\(enterpriseA.uscc.value)/appointments", expected: inScope),
        Route(
            name: "GET appointments", method: "GET", path: "/v1/appointments",
            expected: unauthenticated.merging([
                .adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200, .enterpriseA: 200,
                .enterpriseB: 200,
                .trainer: 200,
            ]) { $1 }),
        Route(name: "GET appointment", method: "GET", path: "/v1/appointments/APPOINTMENT", expected: inScope),
        // Every fixture filing names the same person, the first stored: id 1.
        Route(name: "GET person", method: "GET", path: "/v1/people/1", expected: inScope),
        Route(
            name: "PUT document", method: "PUT", path: "/v1/appointments/APPOINTMENT/documents/decision",
            body: "%PDF-1.7\n%%EOF\n", contentType: "application/pdf",
            expected: unauthenticated.merging([
                .regulatorIn: 201, .regulatorOut: 404, .enterpriseA: 201, .enterpriseB: 404,
            ]) {
                $1
            }, fresh: "submitted"),
        Route(
            name: "GET document", method: "GET", path: "/v1/appointments/APPOINTMENT/documents/decision",
            // Documents carry ID numbers whole: never trainers.
            expected: inScope.merging([.trainer: 403]) { $1 }, fresh: "documented"),
        Route(
            name: "POST supervision action", method: "POST", path: "/v1/appointments/APPOINTMENT/supervision-actions",
            body: #"{"kind":"interview","reason":"约谈","occurred_on":"2025-06-30"}"#,
            expected: unauthenticated.merging([.regulatorIn: 201, .regulatorOut: 404]) { $1 }, fresh: "registered"),
        Route(
            name: "GET supervision actions", method: "GET", path: "/v1/supervision-actions",
            expected: unauthenticated.merging([.regulatorIn: 200, .regulatorOut: 200]) { $1 }),
        Route(
            name: "GET events", method: "GET", path: "/v1/events",
            expected: unauthenticated.merging([.adminIn: 200, .adminOut: 200, .regulatorIn: 200, .regulatorOut: 200]) {
                $1
            }),
        Route(
            name: "POST register", method: "POST", path: "/v1/appointments/APPOINTMENT/register", body: "{}",
            expected: unauthenticated.merging([.regulatorIn: 200, .regulatorOut: 404]) { $1 }, fresh: "submitted"),
        Route(
            name: "POST return", method: "POST", path: "/v1/appointments/APPOINTMENT/return",
            body: #"{"reason":"缺少承诺书"}"#,
            expected: unauthenticated.merging([.regulatorIn: 200, .regulatorOut: 404]) { $1 }, fresh: "submitted"),
        Route(
            name: "POST resubmit", method: "POST", path: "/v1/appointments/APPOINTMENT/resubmit",
            body: FilingFixture.json(),
            expected: unauthenticated.merging([.enterpriseA: 200, .enterpriseB: 404]) { $1 }, fresh: "returned"),
        Route(
            name: "POST dismiss", method: "POST", path: "/v1/appointments/APPOINTMENT/dismiss",
            body: #"{"reason":"离职"}"#,
            expected: unauthenticated.merging([
                .regulatorIn: 200, .regulatorOut: 404, .enterpriseA: 200, .enterpriseB: 404,
            ]) {
                $1
            }, fresh: "registered"),
    ]

    /// Files an appointment for enterprise A and moves it to `status`; returns its id.
    static func appointment(_ status: String, _ server: TestServer, _ secrets: [CallerKind: String]) async throws -> Int
    {
        let company = server.client(token: secrets[.enterpriseA])
        let regulator = server.client(token: secrets[.regulatorIn])
        let filed = try await company.post(
            "/v1/enterprises/\(enterpriseA.uscc.value)/appointments", json: FilingFixture.json())
        let id = try #require(filed.json["id"] as? Int)
        switch status {
        case "returned": _ = try await regulator.post("/v1/appointments/\(id)/return", json: #"{"reason":"x"}"#)
        case "registered": _ = try await regulator.post("/v1/appointments/\(id)/register", json: "{}")
        case "documented":
            _ = try await company.send(
                "PUT", "/v1/appointments/\(id)/documents/decision", headers: ["Content-Type": "application/pdf"],
                body: Array("%PDF-1.7\n%%EOF\n".utf8))
        default: break
        }
        return id
    }
}
