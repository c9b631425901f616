import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// Recognitions (000 §1, §4): exemplary cases and demonstration bases on an enterprise, kept by regulators.
@Suite struct RecognitionAPITests {
    static let a = Enterprise.fixture(1, region: "442000100001")
    static let b = Enterprise.fixture(2, region: "442000101001")
    static let shenzhen = Enterprise.fixture(3, region: "440300100001")

    static func add(_ client: TestClient, _ enterprise: Enterprise, _ kind: String, _ level: String, _ year: Int)
        async throws -> TestReply
    {
        try await client.post(
            "/v1/enterprises/\(enterprise.uscc.value)/recognitions",
            json: #"{"kind":"\#(kind)","level":"\#(level)","year":\#(year),"title":"质量提升典型案例\#(year)"}"#)
    }

    @Test func recognitionsAreListedByKindLevelYearAndRegion() async throws {
        try await withTestServer { server in
            try await server.seed([Self.a, Self.b, Self.shenzhen])
            let zhongshan = try await server.client("regulator", region: "4420")
            let guangdong = try await server.client("regulator", region: "44")
            #expect(try await Self.add(zhongshan, Self.a, "exemplary_case", "city", 2023).status == 201)
            #expect(try await Self.add(zhongshan, Self.a, "demonstration_base", "provincial", 2024).status == 201)
            #expect(try await Self.add(zhongshan, Self.b, "demonstration_base", "national", 2024).status == 201)
            #expect(try await Self.add(guangdong, Self.shenzhen, "exemplary_case", "provincial", 2024).status == 201)
            #expect(try await Self.add(zhongshan, Self.shenzhen, "exemplary_case", "city", 2024).status == 404)

            func keys(_ client: TestClient, _ query: String) async throws -> [String] {
                let reply = try await client.get("/v1/recognitions?\(query)")
                #expect(reply.status == 200, "\(reply.text)")
                return (reply.json["data"] as? [[String: Any]] ?? []).map {
                    "\($0["uscc"] as? String == Self.a.uscc.value ? "a" : $0["uscc"] as? String == Self.b.uscc.value ? "b" : "s")"
                        + "|\($0["kind"] as? String ?? "")|\($0["level"] as? String ?? "")|\($0["year"] as? Int ?? 0)"
                }
            }
            #expect(
                try await keys(guangdong, "kind=demonstration_base") == [
                    "a|demonstration_base|provincial|2024", "b|demonstration_base|national|2024",
                ])
            #expect(
                try await keys(guangdong, "level=provincial") == [
                    "a|demonstration_base|provincial|2024", "s|exemplary_case|provincial|2024",
                ])
            #expect(try await keys(guangdong, "year=2023") == ["a|exemplary_case|city|2023"])
            #expect(try await keys(guangdong, "region=4403") == ["s|exemplary_case|provincial|2024"])
            #expect(try await keys(zhongshan, "year=2024").count == 2)  // its own region only
            #expect(
                try await keys(guangdong, "region=442000101&kind=demonstration_base") == [
                    "b|demonstration_base|national|2024"
                ])
            let company = try await server.client("enterprise", uscc: Self.a.uscc.value)
            #expect(try await keys(company, "").count == 2)
            let own = try await company.get("/v1/enterprises/\(Self.a.uscc.value)/recognitions")
            #expect((own.json["data"] as? [Any])?.count == 2)
            #expect(try await company.get("/v1/enterprises/\(Self.b.uscc.value)/recognitions").status == 404)
            #expect(try await guangdong.get("/v1/recognitions?level=county").status == 422)
        }
    }

    @Test func aRecognitionIsChangedOnlyWithItsCurrentETagAndRemoved() async throws {
        try await withTestServer { server in
            try await server.seed([Self.a])
            let regulator = try await server.client("regulator", region: "4420")
            let created = try await Self.add(regulator, Self.a, "exemplary_case", "city", 2023)
            let location = try #require(created[header: "location"])
            let etag = try #require(created[header: "etag"])
            #expect(created.json["etag"] as? String == etag)
            let patch = Array(#"{"level":"provincial"}"#.utf8)
            let type = ["Content-Type": "application/merge-patch+json"]
            #expect(try await regulator.send("PATCH", location, headers: type, body: patch).status == 428)
            let stale = type.merging(["If-Match": "\"stale\""]) { $1 }
            #expect(try await regulator.send("PATCH", location, headers: stale, body: patch).status == 412)
            let current = type.merging(["If-Match": etag]) { $1 }
            let changed = try await regulator.send("PATCH", location, headers: current, body: patch)
            #expect(changed.status == 200, "\(changed.text)")
            #expect(changed.json["level"] as? String == "provincial")
            #expect(changed.json["year"] as? Int == 2023)
            let cleared = Array(#"{"title":null}"#.utf8)
            let fresh = type.merging(["If-Match": changed[header: "etag"] ?? ""]) { $1 }
            #expect(try await regulator.send("PATCH", location, headers: fresh, body: cleared).status == 422)
            #expect(try await regulator.get(location).json["level"] as? String == "provincial")
            #expect(try await regulator.delete(location).status == 204)
            #expect(try await regulator.get(location).status == 404)
            let events = try await regulator.get("/v1/events")
            let kinds = (events.json["data"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["recognition.created", "recognition.updated", "recognition.deleted"])
        }
    }
}
