import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// The filing lifecycle over HTTP: each transition allowed and refused (DOMAIN.md "Appointments and filing").
@Suite struct AppointmentLifecycleTests {
    static let enterprise = Enterprise.fixture(1, region: "442000100001")
    static var uscc: String { enterprise.uscc.value }

    struct Actors {
        var company: TestClient
        var regulator: TestClient
    }

    static func actors(_ server: TestServer) async throws -> Actors {
        try await server.seed([enterprise])
        return Actors(
            company: try await server.client("enterprise", uscc: uscc),
            regulator: try await server.client("regulator", region: "4420"))
    }

    /// Files a filing as the enterprise and returns the appointment's id.
    static func file(_ client: TestClient, _ json: String = FilingFixture.json()) async throws -> Int {
        let reply = try await client.post("/v1/enterprises/\(uscc)/appointments", json: json)
        #expect(reply.status == 201, "\(reply.text)")
        return try #require(reply.json["id"] as? Int)
    }

    @Test func aFilingIsSubmittedWithItsHistoryAndCanBeRead() async throws {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let reply = try await actors.company.post(
                "/v1/enterprises/\(Self.uscc)/appointments", json: FilingFixture.json())
            #expect(reply.status == 201)
            let id = try #require(reply.json["id"] as? Int)
            #expect(reply[header: "location"] == "/v1/appointments/\(id)")
            #expect(reply.json["status"] as? String == "submitted")
            #expect(reply.json["person_id"] is NSNull, "an enterprise gets no registry-wide person id")
            #expect(try await actors.regulator.get("/v1/appointments/\(id)").json["person_id"] is Int)
            let history = try #require(reply.json["history"] as? [[String: Any]])
            #expect(history.count == 1)
            #expect(history.first?["from"] is NSNull)
            #expect(history.first?["to"] as? String == "submitted")

            let read = try await actors.regulator.get("/v1/appointments/\(id)")
            #expect(read.status == 200)
            let etag = try #require(read[header: "etag"])
            #expect(
                try await actors.regulator.get("/v1/appointments/\(id)", headers: ["If-None-Match": etag]).status == 304
            )
            let own = try await actors.company.get("/v1/enterprises/\(Self.uscc)/appointments")
            #expect((own.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func returnedFilingCanBeResubmittedRegisteredAndDismissed() async throws {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let id = try await Self.file(actors.company)
            let returned = try await actors.regulator.post(
                "/v1/appointments/\(id)/return", json: #"{"reason":"缺少任命决定"}"#)
            #expect(returned.status == 200)
            #expect(returned.json["status"] as? String == "returned")
            let resubmitted = try await actors.company.post(
                "/v1/appointments/\(id)/resubmit", json: FilingFixture.json(position: "总经理"))
            #expect(resubmitted.status == 200)
            #expect(resubmitted.json["status"] as? String == "submitted")
            #expect(resubmitted.json["position"] as? String == "总经理")
            let registered = try await actors.regulator.post(
                "/v1/appointments/\(id)/register", json: #"{"registered_on":"2025-04-01"}"#)
            #expect(registered.status == 200)
            #expect(registered.json["status"] as? String == "registered")
            #expect(registered.json["registered_on"] as? String == "2025-04-01")
            let covered = try await actors.regulator.get("/v1/enterprises/\(Self.uscc)")
            #expect(covered.json["covered"] as? Bool == true)
            let dismissed = try await actors.company.post(
                "/v1/appointments/\(id)/dismiss", json: #"{"ended_on":"2025-06-01","reason":"离职"}"#)
            #expect(dismissed.status == 200)
            #expect(dismissed.json["status"] as? String == "dismissed")
            #expect(dismissed.json["ended_on"] as? String == "2025-06-01")
            let history = try #require(dismissed.json["history"] as? [[String: Any]])
            #expect(
                history.map { $0["to"] as? String } == [
                    "submitted", "returned", "submitted", "registered", "dismissed",
                ])
            #expect(history[1]["reason"] as? String == "缺少任命决定")
            #expect(history.allSatisfy { ($0["actor"] as? String)?.hasPrefix("token:") == true })
        }
    }

    @Test func registeringWithoutABodyDefaultsToToday() async throws {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let id = try await Self.file(actors.company)
            let reply = try await actors.regulator.send("POST", "/v1/appointments/\(id)/register")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json["registered_on"] as? String == "2025-06-30")
        }
    }

    @Test(arguments: [
        ("register", #"{}"#, "registered"), ("return", #"{"reason":"x"}"#, "registered"),
        ("resubmit", FilingFixture.json(), "registered"),
    ])
    func anActionTheStatusDoesNotAllowIsAConflictNamingTheStatus(action: String, body: String, status: String)
        async throws
    {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let id = try await Self.file(actors.company)
            #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)
            let client = action == "resubmit" ? actors.company : actors.regulator
            let reply = try await client.post("/v1/appointments/\(id)/\(action)", json: body)
            #expect(reply.status == 409)
            #expect(reply[header: "content-type"] == "application/problem+json")
            #expect((reply.json["detail"] as? String)?.contains("a \(status) appointment") == true, "\(reply.text)")
        }
    }

    @Test func aDismissedAppointmentCannotBeDismissedOrRegisteredAgain() async throws {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let id = try await Self.file(actors.company)
            let unregistered = try await actors.company.post(
                "/v1/appointments/\(id)/dismiss", json: #"{"reason":"撤回"}"#)
            #expect(unregistered.status == 409)
            #expect((unregistered.json["detail"] as? String)?.contains("a submitted appointment") == true)
            #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)
            let withdrawn = try await actors.company.post("/v1/appointments/\(id)/dismiss", json: #"{"reason":"离职"}"#)
            #expect(withdrawn.status == 200)
            let again = try await actors.regulator.post("/v1/appointments/\(id)/dismiss", json: #"{"reason":"x"}"#)
            #expect(again.status == 409)
            #expect((again.json["detail"] as? String)?.contains("dismissed") == true)
            #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 409)
        }
    }

    @Test func badActionInputIsAValidationProblemNamingTheField() async throws {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let id = try await Self.file(actors.company)
            let noReason = try await actors.regulator.post("/v1/appointments/\(id)/return", json: "{}")
            #expect(noReason.status == 422)
            #expect((noReason.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "reason")
            let early = try await actors.regulator.post(
                "/v1/appointments/\(id)/register", json: #"{"registered_on":"2025-02-01"}"#)
            #expect(early.status == 422)
            #expect((early.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "registered_on")
            let future = try await actors.regulator.post(
                "/v1/appointments/\(id)/register", json: #"{"registered_on":"2025-07-01"}"#)
            #expect(future.status == 422)
            let unknown = try await actors.regulator.post(
                "/v1/appointments/\(id)/register", json: #"{"status":"registered"}"#)
            #expect(unknown.status == 422)
        }
    }

    @Test func aBadFilingReportsEveryFieldAndReadOnlyFieldsAreRefused() async throws {
        try await withTestRouter { server in
            let actors = try await Self.actors(server)
            let reply = try await actors.company.post(
                "/v1/enterprises/\(Self.uscc)/appointments",
                json:
                    #"{"role":"boss","person":{"name":"张三","id_number":"440000198001010001","phone":"123"},"appointed_on":"2025-13-01","status":"registered"}"#
            )
            #expect(reply.status == 422)
            let fields = Set(((reply.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["status"], "read-only fields are refused before the rest is judged: \(reply.text)")
            let second = try await actors.company.post(
                "/v1/enterprises/\(Self.uscc)/appointments",
                json:
                    #"{"role":"boss","person":{"name":"张三","id_number":"440000198001010001","phone":"123"},"appointed_on":"2025-13-01"}"#
            )
            let more = Set(((second.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(more == ["role", "person.id_number", "person.phone", "position", "appointed_on"])
        }
    }

    @Test func aDeregisteredEnterpriseCannotFileAndAnotherEnterpriseCannotFileForIt() async throws {
        try await withTestRouter { server in
            let closed = Enterprise.fixture(5, region: "442000100001", deregisteredOn: "2025-01-01")
            try await server.seed([closed])
            let actors = try await Self.actors(server)
            let refused = try await actors.regulator.post(
                "/v1/enterprises/\(closed.uscc.value)/appointments", json: FilingFixture.json())
            #expect(refused.status == 409)
            let foreign = try await actors.company.post(
                "/v1/enterprises/\(closed.uscc.value)/appointments", json: FilingFixture.json())
            #expect(foreign.status == 404)
        }
    }
}
