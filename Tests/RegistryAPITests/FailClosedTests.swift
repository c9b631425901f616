import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// A stored row that cannot be read is an error (500, nothing of the schema in the body), never a shorter answer or
/// a wider scope; a database too busy to read the caller's token is a 503, not a 401.
@Suite struct FailClosedTests {
    static func expectBare500(_ reply: TestReply) {
        #expect(reply.status == 500)
        #expect(!reply.text.contains("access_token") && !reply.text.contains("appointment "), "\(reply.text)")
    }

    /// Read as nil, the region left the token with no scope limit at all.
    @Test(arguments: ["regulator", "trainer"])
    func aTokenWhoseRegionCannotBeReadIsRefusedWith500(role: String) async throws {
        try await withTestServer { server in
            try await server.seed([.fixture(1, region: "442000100001")])
            let secret = try await server.issueToken(role, region: "4420")
            try await server.database.tamper("UPDATE access_token SET region = 'not-a-region'")
            let client = TestClient(port: server.port, token: secret)
            Self.expectBare500(try await client.get("/v1/enterprises"))
        }
    }

    @Test func aTokenWhoseScopeIsMissingIsRefusedWith500() async throws {
        try await withTestServer { server in
            let secret = try await server.issueToken("regulator", region: "4420")
            try await server.database.tamper("UPDATE access_token SET region = NULL")
            Self.expectBare500(try await TestClient(port: server.port, token: secret).get("/v1/enterprises"))
        }
    }

    /// Two appointments, one unreadable: the list is an error, not the other one alone.
    @Test(arguments: [
        "UPDATE appointment SET status = 'approved-by-me' WHERE id = 2",
        "UPDATE appointment SET person_phone = 'none' WHERE id = 2",
        "UPDATE appointment_transition SET to_status = 'gone' WHERE appointment_id = 2",
    ])
    func anUnreadableAppointmentMakesTheList500NotShorter(statement: String) async throws {
        try await withTestServer { server in
            let enterprise = Enterprise.fixture(1, region: "442000100001")
            try await server.seed([enterprise])
            let regulator = try await server.client("regulator", region: "4420")
            let filing = """
                {"role":"cqo","person":{"name":"张三明","id_number":"\(ResidentIDNumber.fixture(1))",
                 "phone":"13812345678"},"position":"质量副总经理","is_principal":false,"appointed_on":"2025-03-01"}
                """
            for _ in 0..<2 {
                let filed = try await regulator.post(
                    "/v1/enterprises/\(enterprise.uscc.value)/appointments", json: filing)
                #expect(filed.status == 201, "\(filed.text)")
            }
            #expect((try await regulator.get("/v1/appointments").json["data"] as? [Any])?.count == 2)
            try await server.database.tamper(statement)
            Self.expectBare500(try await regulator.get("/v1/appointments"))
            Self.expectBare500(try await regulator.get("/v1/appointments/2"))
            #expect(try await regulator.get("/v1/appointments/1").status == 200)
        }
    }

    @Test func aDatabaseLockedWhileAuthenticatingIs503WithRetryAfter() async throws {
        var storage = TemporaryDatabase.testConfiguration
        storage.busyTimeoutSeconds = 0.05
        try await withTestServer(storage: storage) { server in
            let secret = try await server.issueToken("regulator", region: "4420")
            let reply = try await server.database.withExclusiveLock {
                try await TestClient(port: server.port, token: secret).get("/v1/enterprises")
            }
            #expect(reply.status == 503, "\(reply.text)")
            #expect(reply[header: "retry-after"] == "1")
            #expect(try await TestClient(port: server.port, token: secret).get("/v1/enterprises").status == 200)
        }
    }
}
