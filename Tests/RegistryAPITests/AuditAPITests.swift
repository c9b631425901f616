import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// `GET /v1/audit-events`: each entry records the region it concerns, and an admin lists only the entries within
/// its own region; entries about no region only an admin of a whole province or wider (README, "Roles and
/// personal data").
@Suite struct AuditAPITests {
    static let zhongshan = "442000100001"
    static let shenzhen = "440300100001"

    static func enterprise(_ serial: Int, region: String) -> String {
        let uscc = USCC.fixture(serial, division: String(region.prefix(6))).value
        return """
            {"uscc":"\(uscc)","name":"测试\(serial)电器有限公司","region_code":"\(region)","size_class":"small",
             "above_scale":false,"industry_code":"C3857","sector":"product"}
            """
    }

    /// Every entry of the list, following `Link` from page to page; each page but the last is full.
    static func everyEntry(_ client: TestClient, _ query: String, limit: Int = 50) async throws -> [[String: Any]] {
        var path = "/v1/audit-events?limit=\(limit)" + (query.isEmpty ? "" : "&\(query)")
        var entries: [[String: Any]] = []
        while true {
            let page = try await client.get(path)
            #expect(page.status == 200, "\(page.text)")
            let data = try #require(page.json["data"] as? [[String: Any]])
            entries += data
            guard let link = page[header: "link"] else { break }
            #expect(data.count == limit, "a page is full while more entries follow")
            path = String(link.dropFirst().prefix { $0 != ">" })
        }
        return entries
    }

    /// An entry as written before regions were recorded (or about nothing regional).
    static func appendEntryWithoutRegion(_ server: TestServer, _ n: Int) async throws {
        try await server.database.registry.write { writer in
            try writer.append(
                AuditEntry(
                    at: "2025-06-30T08:00:00.000Z", actorToken: nil, actorRole: "cli", action: "token.create",
                    resource: "token/\(900 + n)", requestID: "cli", digest: String(repeating: "0", count: 64),
                    regionCode: nil))
        }
    }

    @Test func anAdminListsOnlyTheEntriesWithinItsRegion() async throws {
        try await withTestServer { server in
            let province = try await server.client("regulator", region: "44")
            #expect(
                try await province.post("/v1/enterprises", json: Self.enterprise(1, region: Self.zhongshan)).status
                    == 201)
            #expect(
                try await province.post("/v1/enterprises", json: Self.enterprise(2, region: Self.shenzhen)).status
                    == 201)
            let zhongshanAdmin = try await server.client("admin", region: "4420")
            let shenzhenAdmin = try await server.client("admin", region: "4403")
            #expect(
                try await zhongshanAdmin.post("/v1/tokens", json: #"{"role":"viewer","region":"442000"}"#).status == 201
            )
            #expect(
                try await shenzhenAdmin.post("/v1/tokens", json: #"{"role":"viewer","region":"4403"}"#).status == 201)
            let target =
                #"{"region_code":"4403","population":{"manufacturing":true},"deadline":"2026-12-31","ratio":0.5}"#
            #expect(try await shenzhenAdmin.post("/v1/coverage-targets", json: target).status == 201)
            try await Self.appendEntryWithoutRegion(server, 1)

            let seenInZhongshan = try await Self.everyEntry(zhongshanAdmin, "")
            #expect(seenInZhongshan.map { $0["action"] as? String } == ["enterprise.create", "token.create"])
            #expect(seenInZhongshan.map { $0["region_code"] as? String } == [Self.zhongshan, "442000"])

            let seenInShenzhen = try await Self.everyEntry(shenzhenAdmin, "")
            #expect(
                seenInShenzhen.map { $0["action"] as? String } == [
                    "enterprise.create", "token.create", "coverage_target.create",
                ])
            #expect(seenInShenzhen.map { $0["region_code"] as? String } == [Self.shenzhen, "4403", "4403"])

            let provinceAdmin = try await server.client("admin", region: "44")
            let seenInProvince = try await Self.everyEntry(provinceAdmin, "")
            #expect(seenInProvince.count == 6, "both cities' entries and the one without a region")
            #expect(seenInProvince.last?["region_code"] is NSNull)
            // The filters still apply within the scope.
            let created = try await Self.everyEntry(zhongshanAdmin, "action=token.create")
            #expect(created.map { $0["region_code"] as? String } == ["442000"])
            #expect(try await Self.everyEntry(zhongshanAdmin, "resource=coverage_target/").isEmpty)
            #expect(try server.database.registry.read { try $0.firstAuditChainBreak() } == nil)
        }
    }

    @Test func aRegulatorsReadOfPersonalDataInShenzhenIsInvisibleToZhongshansAdmin() async throws {
        try await withTestServer { server in
            let shenzhenEnterprise = Enterprise.fixture(2, region: Self.shenzhen)
            try await server.seed([shenzhenEnterprise])
            let company = try await server.client("enterprise", uscc: shenzhenEnterprise.uscc.value)
            let filed = try await company.post(
                "/v1/enterprises/\(shenzhenEnterprise.uscc.value)/appointments", json: FilingFixture.json())
            #expect(filed.status == 201)
            let id = try #require(filed.json["id"] as? Int)
            let regulator = try await server.client("regulator", region: "4403")
            let read = try await regulator.get("/v1/appointments/\(id)")
            #expect(read.status == 200)
            let personID = try #require(read.json["person_id"] as? Int)
            #expect(try await regulator.get("/v1/people/\(personID)").status == 200)

            let query = "action=person.read_personal_data"
            let zhongshanAdmin = try await server.client("admin", region: "4420")
            #expect(try await Self.everyEntry(zhongshanAdmin, query).isEmpty)
            #expect(try await Self.everyEntry(zhongshanAdmin, "").isEmpty, "nor the filing")
            let shenzhenAdmin = try await server.client("admin", region: "4403")
            let reads = try await Self.everyEntry(shenzhenAdmin, query)
            #expect(reads.count == 2)
            #expect(reads.allSatisfy { $0["region_code"] as? String == Self.shenzhen })
            #expect(reads.allSatisfy { $0["resource"] as? String == "person/\(personID)" })
            let provinceAdmin = try await server.client("admin", region: "44")
            let all = try await provinceAdmin.get("/v1/audit-events")
            #expect((all.json["data"] as? [Any])?.count == 3)
            #expect(!all.text.contains(ResidentIDNumber.fixture(1)) && !all.text.contains("张三明"))
            #expect(!all.text.contains("13812345678"))
        }
    }

    @Test func pagesOfAScopedListHoldEveryEntryInScopeExactlyOnce() async throws {
        try await withTestServer { server in
            let province = try await server.client("regulator", region: "44")
            for serial in 1...7 {
                let region = serial % 2 == 0 ? Self.zhongshan : Self.shenzhen
                #expect(
                    try await province.post("/v1/enterprises", json: Self.enterprise(serial, region: region)).status
                        == 201)
                if serial % 3 == 0 { try await Self.appendEntryWithoutRegion(server, serial) }
            }
            let provinceAdmin = try await server.client("admin", region: "44")
            let everything = try await Self.everyEntry(provinceAdmin, "")
            #expect(everything.count == 9)
            let expected = everything.filter { ($0["region_code"] as? String)?.hasPrefix("4420") == true }
                .compactMap { $0["id"] as? Int }
            #expect(expected.count == 3)

            let zhongshanAdmin = try await server.client("admin", region: "4420")
            for limit in [1, 2, 3] {
                let ids = try await Self.everyEntry(zhongshanAdmin, "", limit: limit).compactMap { $0["id"] as? Int }
                #expect(ids == expected, "limit \(limit)")
            }
            let ids = try await Self.everyEntry(provinceAdmin, "", limit: 2).compactMap { $0["id"] as? Int }
            #expect(ids == everything.compactMap { $0["id"] as? Int })
        }
    }

    /// `/metrics` shows the chain's head (`HASH:COUNT`), which an operator records for `audit verify --expect-head`.
    @Test func metricsShowTheAuditChainsHead() async throws {
        try await withTestServer { server in
            #expect(try await server.anonymous.get("/metrics").text.contains("cqo_audit_entries 0\n"))
            try await Self.appendEntryWithoutRegion(server, 1)
            try await Self.appendEntryWithoutRegion(server, 2)
            let head = try #require(try server.database.registry.read { try $0.auditHead() })
            let metrics = try await server.anonymous.get("/metrics").text
            #expect(metrics.contains("cqo_audit_entries 2\n"))
            #expect(metrics.contains("cqo_audit_head{hash=\"\(head.hash)\",entries=\"2\",anchor=\"\(head.hash):2\"} 1"))
        }
    }
}
