import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// Region names: seeded by migration 0010, kept by admins, shown beside codes in coverage answers and exports.
@Suite struct RegionAPITests {
    @Test func guangdongsCitiesAndZhongshansTownsAreNamed() async throws {
        try await withTestServer { server in
            let viewer = try await server.client("viewer", region: "4420")
            let cities = try await viewer.get("/v1/regions?parent=44&limit=500")
            let names = (cities.json["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.count == 21)
            #expect(names.contains("中山市") && names.contains("深圳市") && names.contains("云浮市"))
            let towns = try await viewer.get("/v1/regions?parent=4420&limit=500")
            let seeded = (towns.json["data"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(seeded.count == 24)
            let town = try await viewer.get("/v1/regions/442000001")
            #expect(town.json["name"] as? String == "石岐街道")
            #expect(town.json["parent_code"] as? String == "4420")
            #expect(try await viewer.get("/v1/regions/442000999").status == 404)
            #expect(try await server.anonymous.get("/v1/regions").status == 401)
        }
    }

    @Test func adminsNameCodesWithinTheirRegionAndReplaceWithIfMatch() async throws {
        try await withTestServer { server in
            let admin = try await server.client("admin", region: "4420")
            let json = ["Content-Type": "application/json"]
            let created = try await admin.send(
                "PUT", "/v1/regions/442000118", headers: json, body: Array(#"{"name":"翠亨新区"}"#.utf8))
            #expect(created.status == 201, "\(created.text)")
            #expect(created.json["parent_code"] as? String == "4420")  // the nearest named prefix
            let rename = Array(#"{"name":"翠亨新区（试）"}"#.utf8)
            #expect(try await admin.send("PUT", "/v1/regions/442000118", headers: json, body: rename).status == 428)
            let etag = try #require(created[header: "etag"])
            let renamed = try await admin.send(
                "PUT", "/v1/regions/442000118", headers: json.merging(["If-Match": etag]) { $1 }, body: rename)
            #expect(renamed.status == 200)
            #expect(renamed.json["name"] as? String == "翠亨新区（试）")
            #expect(
                try await admin.send("PUT", "/v1/regions/4403", headers: json, body: Array(#"{"name":"x"}"#.utf8))
                    .status == 403)
            let wrongParent = Array(#"{"name":"x","parent_code":"4403"}"#.utf8)
            #expect(
                try await admin.send("PUT", "/v1/regions/442000119", headers: json, body: wrongParent).status == 422)
            let regulator = try await server.client("regulator", region: "4420")
            #expect(
                try await regulator.send("PUT", "/v1/regions/442000120", headers: json, body: rename).status == 403)
        }
    }

    @Test func coverageByTownCarriesTheTownsNames() async throws {
        try await withTestServer { server in
            try await CoverageAPITests.seedTown(server, count: 3, covered: 1)
            try await server.seed([Enterprise.fixture(10, region: "442000199001")])  // a town without a name
            let viewer = try await server.client("viewer", region: "4420")
            let answer = try await viewer.get("/v1/coverage?group_by=region")
            #expect(answer.status == 200)
            #expect(answer.json["region_name"] as? String == "中山市")
            #expect(CoverageAPITests.group(answer, "442000100")["name"] as? String == "小榄镇")
            #expect(CoverageAPITests.group(answer, "442000199")["name"] is NSNull)
            #expect(CoverageAPITests.group(answer, "442000199")["total"] as? Int == 1)
            let bySize = try await viewer.get("/v1/coverage?group_by=size_class")
            #expect(CoverageAPITests.group(bySize, "small")["name"] == nil)

            let csv = try await viewer.get("/v1/coverage?group_by=region&format=csv")
            #expect(csv.text.contains(",4420,中山市,appointment,region,442000100,小榄镇,3,1,"), "\(csv.text)")
            let regulator = try await server.client("regulator", region: "4420")
            let worklist = try await regulator.get("/v1/coverage/worklist?format=csv")
            #expect(worklist.text.contains(",442000100001,小榄镇,small,"), "\(worklist.text)")
            #expect(worklist.text.contains("region_code,region_name,"))

            // A renamed town is not answered 304 with its old name.
            let etag = try #require(answer[header: "etag"])
            let admin = try await server.client("admin", region: "4420")
            let current = try #require(try await admin.get("/v1/regions/442000100")[header: "etag"])
            let renamed = try await admin.send(
                "PUT", "/v1/regions/442000100", headers: ["Content-Type": "application/json", "If-Match": current],
                body: Array(#"{"name":"小榄镇（新）"}"#.utf8))
            #expect(renamed.status == 200)
            let after = try await viewer.get("/v1/coverage?group_by=region", headers: ["If-None-Match": etag])
            #expect(after.status == 200)
            #expect(CoverageAPITests.group(after, "442000100")["name"] as? String == "小榄镇（新）")
        }
    }
}
