import Foundation
import RegistryAPI
import RegistryDomain
import RegistryTesting
import Testing

@Suite struct AccessControlTests {
    static func limited(token: Int = 1_000, address: Int = 50) -> RegistryAPIConfiguration {
        var configuration = RegistryAPIConfiguration()
        configuration.rateLimitPerToken = token
        configuration.rateLimitPerAddress = address
        configuration.rateLimitClock = { 1_000 }  // stopped: buckets never refill during the test
        return configuration
    }

    @Test func aTokenPastItsRateGets429WithRetryAfter() async throws {
        try await withTestServer(api: Self.limited(token: 3)) { server in
            let client = try await server.client("regulator", region: "4420")
            var statuses: [Int] = []
            for _ in 0..<5 { statuses.append(try await client.get("/v1/enterprises").status) }
            #expect(statuses.prefix(3).allSatisfy { $0 == 200 })
            let refused = try await client.get("/v1/enterprises")
            #expect(refused.status == 429)
            #expect(Int(refused[header: "retry-after"] ?? "") ?? 0 >= 1)
            // Another token has its own bucket.
            #expect(try await server.client("regulator", region: "4420").get("/v1/enterprises").status == 200)
        }
    }

    @Test func failedAuthenticationsAreLimitedPerAddressButProbesNever() async throws {
        try await withTestServer(api: Self.limited(address: 2)) { server in
            let bad = TestClient(port: server.port, token: "cqo_not-a-real-token-not-a-real-token-xx")
            #expect(try await bad.get("/v1/enterprises").status == 401)
            #expect(try await bad.get("/v1/enterprises").status == 401)
            #expect(try await bad.get("/v1/enterprises").status == 429)
            for _ in 0..<5 {
                #expect(try await server.anonymous.get("/healthz").status == 200)
                #expect(try await server.anonymous.get("/readyz").status == 200)
                #expect(try await server.anonymous.get("/metrics").status == 200)
            }
            let metrics = try await server.anonymous.get("/metrics").text
            #expect(metrics.contains("cqo_rate_limited_total 1"))
            // By route template: the refused heads (401, 429) under the route they asked for, the probes under theirs.
            #expect(metrics.contains(#"cqo_http_requests_total{method="GET",route="/v1/enterprises",status="4xx"} 3"#))
            #expect(metrics.contains(#"cqo_http_requests_total{method="GET",route="/healthz",status="2xx"} 5"#))
        }
    }

    @Test func anAdminMayNotIssueATokenWiderThanItsOwnScope() async throws {
        try await withTestServer { server in
            try await server.seed([.fixture(1, region: "442000100001"), .fixture(2, region: "440300100001")])
            let admin = try await server.client("admin", region: "4420")
            #expect(try await admin.post("/v1/tokens", json: #"{"role":"regulator","region":"44"}"#).status == 403)
            #expect(try await admin.post("/v1/tokens", json: #"{"role":"trainer"}"#).status == 403)
            let outside =
                #"{"role":"enterprise","uscc":"\#(Enterprise.fixture(2, region: "440300100001").uscc.value)"}"#
            // An enterprise elsewhere gets the same answer as no enterprise at all: existence does not leak.
            let elsewhere = try await admin.post("/v1/tokens", json: outside)
            let nowhere = try await admin.post(
                "/v1/tokens", json: #"{"role":"enterprise","uscc":"\#(USCC.fixture(99).value)"}"#)
            #expect(elsewhere.status == 422)
            #expect(elsewhere.status == nowhere.status)
            #expect(elsewhere.json["errors"] as? [[String: String]] == nowhere.json["errors"] as? [[String: String]])
            #expect((elsewhere.json["errors"] as? [[String: String]])?.first?["code"] == "not_found")
            #expect(elsewhere.json["detail"] as? String == nowhere.json["detail"] as? String)
            let issued = try await admin.post(
                "/v1/tokens", json: #"{"role":"regulator","region":"442000","label":"小榄"}"#)
            #expect(issued.status == 201)
            let secret = try #require(issued.json["secret"] as? String)
            #expect(try await TestClient(port: server.port, token: secret).get("/v1/enterprises").status == 200)
            let listed = try await admin.get("/v1/tokens")
            #expect(!listed.text.contains(secret))
            #expect(!listed.text.contains("\"secret\""))
        }
    }

    /// A token's secret is shown once: a replay of its creation names the same token without the secret, and the
    /// database file holds the secret nowhere (not in the idempotency record either).
    @Test func aReplayedTokenCreationNeverShowsOrKeepsTheSecret() async throws {
        try await withTestServer { server in
            let admin = try await server.client("admin", region: "4420")
            let body = #"{"role":"viewer","region":"4420","label":"dashboard"}"#
            let first = try await admin.post("/v1/tokens", json: body, headers: ["Idempotency-Key": "token-1"])
            #expect(first.status == 201)
            let secret = try #require(first.json["secret"] as? String)
            let replay = try await admin.post("/v1/tokens", json: body, headers: ["Idempotency-Key": "token-1"])
            #expect(replay.status == 201)
            #expect(replay[header: "idempotent-replayed"] == "true")
            #expect(replay.json["id"] as? Int == first.json["id"] as? Int)
            #expect(replay.json["secret"] == nil)
            #expect(!replay.text.contains(secret))
            for path in [server.database.path, server.database.path + "-wal"] {
                let file = FileManager.default.contents(atPath: path) ?? Data()
                #expect(file.range(of: Data(secret.utf8)) == nil, "the secret is stored in \(path)")
            }
        }
    }

    @Test func fieldsTheCallerMayNotSetAreRefused() async throws {
        try await withTestServer { server in
            let admin = try await server.client("admin", region: "4420")
            let reply = try await admin.post(
                "/v1/tokens", json: #"{"role":"viewer","region":"4420","secret":"chosen","id":1,"revoked_at":null}"#)
            #expect(reply.status == 422)
            let fields = Set((reply.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["secret", "id"]))
        }
    }

    @Test func aRevokedTokenStopsWorkingAtOnce() async throws {
        try await withTestServer { server in
            let admin = try await server.client("admin", region: "4420")
            let issued = try await admin.post("/v1/tokens", json: #"{"role":"regulator","region":"4420"}"#)
            let secret = try #require(issued.json["secret"] as? String)
            let id = try #require(issued.json["id"] as? Int)
            let user = TestClient(port: server.port, token: secret)
            #expect(try await user.get("/v1/enterprises").status == 200)
            #expect(try await admin.delete("/v1/tokens/\(id)").status == 200)
            #expect(try await user.get("/v1/enterprises").status == 401)
        }
    }

    @Test func anIdempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let body = EnterpriseAPITests.body
            let first = try await client.post("/v1/enterprises", json: body, headers: ["Idempotency-Key": "k-1"])
            let second = try await client.post("/v1/enterprises", json: body, headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == 201)
            #expect(second.status == 201)
            #expect(second.body == first.body)
            #expect(second[header: "idempotent-replayed"] == "true")
            let other = try await client.post(
                "/v1/enterprises", json: body.replacingOccurrences(of: "medium", with: "large"),
                headers: ["Idempotency-Key": "k-1"])
            #expect(other.status == 422)
            // Without the key the same body is a duplicate.
            #expect(try await client.post("/v1/enterprises", json: body).status == 409)
        }
    }

    @Test func everyChangeIsAuditedInTheSameTransaction() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            #expect(try await client.post("/v1/enterprises", json: EnterpriseAPITests.body).status == 201)
            // A refused change leaves no audit entry.
            #expect(try await client.post("/v1/enterprises", json: EnterpriseAPITests.body).status == 409)
            let admin = try await server.client("admin", region: "44")
            let audit = try await admin.get("/v1/audit-events?action=enterprise.create")
            let entries = try #require(audit.json["data"] as? [[String: Any]])
            #expect(entries.count == 1)
            #expect(entries.first?["actor_role"] as? String == "regulator")
            #expect(entries.first?["resource"] as? String == "enterprise/\(USCC.fixture(7).value)")
            #expect(try server.database.registry.read { try $0.firstAuditChainBreak() } == nil)
        }
    }
}

extension AccessControlTests {
    /// A reverse proxy on this host connects from loopback for outside clients: a forwarded request to /metrics
    /// needs an admin token like any other from outside.
    @Test func metricsForwardedByAProxyNeedAnAdmin() async throws {
        try await withTestRouter { server in
            #expect(try await server.anonymous.get("/metrics").status == 200)
            for header in ["X-Forwarded-For", "Forwarded", "X-Real-IP"] {
                let forwarded = try await server.anonymous.get("/metrics", headers: [header: "203.0.113.7"])
                #expect(forwarded.status == 401, "\(header)")
            }
            let admin = try await server.client("admin", region: "44")
            let reply = try await admin.get("/metrics", headers: ["X-Forwarded-For": "203.0.113.7"])
            #expect(reply.status == 200)
            #expect(reply.text.contains("cqo_ready 1\n") && reply.text.contains("cqo_coverage_data_version "))
        }
    }
}
