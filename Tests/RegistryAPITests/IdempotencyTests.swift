import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// `Idempotency-Key` replays: kept responses go after their retention, and a replay is shown only to a caller who
/// could still see what it shows.
@Suite struct IdempotencyTests {
    static let filing = """
        {"role":"cqo","person":{"name":"张三明","id_number":"\(ResidentIDNumber.fixture(1))","phone":"13812345678"},
         "position":"质量副总经理","is_principal":false,"appointed_on":"2025-03-01"}
        """

    /// Moves the enterprise to Shenzhen as a province regulator would.
    static func move(_ server: TestServer, _ uscc: USCC) async throws {
        let province = try await server.client("regulator", region: "44")
        let path = "/v1/enterprises/\(uscc.value)"
        let etag = try #require(try await province.get(path)[header: "etag"])
        let moved = try await province.patch(
            path, json: #"{"region_code":"440300100001"}"#, headers: ["If-Match": etag])
        #expect(moved.status == 200, "\(moved.text)")
    }

    /// The replay held the filing's person in full; the enterprise is no longer the caller's.
    @Test func aReplayAfterTheEnterpriseLeftTheCallersRegionIs404() async throws {
        try await withTestServer { server in
            let enterprise = Enterprise.fixture(1, region: "442000100001")
            try await server.seed([enterprise])
            let zhongshan = try await server.client("regulator", region: "4420")
            let path = "/v1/enterprises/\(enterprise.uscc.value)/appointments"
            let first = try await zhongshan.post(path, json: Self.filing, headers: ["Idempotency-Key": "file-1"])
            #expect(first.status == 201)
            let replay = try await zhongshan.post(path, json: Self.filing, headers: ["Idempotency-Key": "file-1"])
            #expect(replay.status == 201)
            #expect(replay[header: "idempotent-replayed"] == "true")

            try await Self.move(server, enterprise.uscc)
            let after = try await zhongshan.post(path, json: Self.filing, headers: ["Idempotency-Key": "file-1"])
            #expect(after.status == 404)
            #expect(!after.text.contains("13812345678"))
        }
    }

    @Test func aReplayOfAnEnterpriseCreatedThenMovedAwayIs404() async throws {
        try await withTestServer { server in
            let zhongshan = try await server.client("regulator", region: "4420")
            let body = EnterpriseAPITests.body
            #expect(
                try await zhongshan.post("/v1/enterprises", json: body, headers: ["Idempotency-Key": "e"]).status == 201
            )
            try await Self.move(server, USCC.fixture(7))
            #expect(
                try await zhongshan.post("/v1/enterprises", json: body, headers: ["Idempotency-Key": "e"]).status == 404
            )
        }
    }

    @Test func keptResponsesAreRemovedAfterTheirRetention() async throws {
        try await withTestServer { server in
            try await server.database.registry.write { writer in
                for (key, at) in [("old", "2025-06-29T07:59:59.999Z"), ("recent", "2025-06-29T08:00:00.001Z")] {
                    try writer.save(
                        IdempotentResponse(requestHash: "h", status: 201, headers: "", body: Array("{}".utf8)),
                        tokenID: 1, key: key, at: at)
                }
            }
            let regulator = try await server.client("regulator", region: "4420")
            #expect(try await regulator.post("/v1/enterprises", json: EnterpriseAPITests.body).status == 201)
            let kept = try server.database.registry.read { reader in
                try ["old", "recent"].map { try reader.idempotentResponse(tokenID: 1, key: $0, notBefore: "") != nil }
            }
            #expect(kept == [false, true], "the clock is 2025-06-30T08:00Z and responses are kept 24 hours")
        }
    }
}
