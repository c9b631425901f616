import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// `GET /v1/coverage` and `/v1/coverage/trend`: shape, exact shortfall, target selection, as-of stability, 304s.
@Suite struct CoverageAPITests {
    static func day(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(daysSinceEpoch: 0) }

    /// `count` small manufacturers in a Zhongshan town; the first `covered` have a CQO registered 2025-01-10.
    static func seedTown(_ server: TestServer, count: Int, covered: Int, firstSerial: Int = 1) async throws {
        let roster = (0..<count).map {
            Enterprise.fixture(firstSerial + $0, region: "442000100001", sizeClass: .small, aboveScale: true)
        }
        try await server.seed(roster)
        try await server.database.registry.seedCoverageAppointments(
            roster.prefix(covered).enumerated().map { index, enterprise in
                .coverageFixture(
                    id: Int64(firstSerial + index), uscc: enterprise.uscc, status: .registered,
                    appointedOn: day("2025-01-02"), registeredOn: day("2025-01-10"), endedOn: nil)
            })
    }

    static func group(_ reply: TestReply, _ key: String) -> [String: Any] {
        (reply.json["groups"] as? [[String: Any]])?.first { $0["key"] as? String == key } ?? [:]
    }

    @Test func shortfallIsExactAndTheAnswerHasTheDocumentedShape() async throws {
        try await withTestServer { server in
            try await Self.seedTown(server, count: 25, covered: 10)
            let admin = try await server.client("admin", region: "44")
            let created = try await admin.post(
                "/v1/coverage-targets",
                json:
                    #"{"region_code":"442000","population":{"size_class":"small"},"deadline":"2025-12-31","ratio":0.56}"#
            )
            #expect(created.status == 201, "\(created.text)")
            #expect(created.text.contains(#""ratio":0.56"#))
            let viewer = try await server.client("viewer", region: "4420")
            let reply = try await viewer.get("/v1/coverage?region=442000&group_by=size_class")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply[header: "cache-control"] == "no-cache")
            let small = Self.group(reply, "small")
            #expect(small["total"] as? Int == 25)
            #expect(small["covered"] as? Int == 10)
            #expect(small["shortfall"] as? Int == 4)  // ⌈0.56 × 25⌉ = 14, not 15
            #expect(small["met"] as? Bool == false)
            #expect((small["ratio"] as? NSNumber)?.doubleValue == 0.4)
            #expect((small["target"] as? [String: Any])?["deadline"] as? String == "2025-12-31")
            #expect((reply.json["total"] as? [String: Any])?["total"] as? Int == 25)
            #expect(reply.json["as_of"] as? String == "2025-06-30")  // the test clock's China date
        }
    }

    @Test func pollingWithIfNoneMatchGets304UntilTheDataChanges() async throws {
        try await withTestServer { server in
            try await Self.seedTown(server, count: 5, covered: 2)
            let viewer = try await server.client("viewer", region: "4420")
            let path = "/v1/coverage?group_by=region&manufacturing=true"
            let first = try await viewer.get(path)
            let etag = try #require(first[header: "etag"])
            let again = try await viewer.get(path, headers: ["If-None-Match": etag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again[header: "etag"] == etag)
            #expect(again[header: "cache-control"] == "no-cache")
            // Another question has another tag; a change to the data gives a new one.
            #expect(try await viewer.get(path + "&as_of=2025-01-31")[header: "etag"] != etag)
            try await Self.seedTown(server, count: 1, covered: 0, firstSerial: 100)
            let changed = try await viewer.get(path, headers: ["If-None-Match": etag])
            #expect(changed.status == 200)
            #expect(changed[header: "etag"] != etag)
        }
    }

    @Test func aLateFilingDoesNotChangeAPastDate() async throws {
        try await withTestServer { server in
            try await Self.seedTown(server, count: 4, covered: 1)
            let viewer = try await server.client("viewer", region: "4420")
            let past = "/v1/coverage?as_of=2025-03-31&group_by=size_class"
            let before = try await viewer.get(past)
            // Appointed in January, registered only today (2025-06-30): it covers from today on, not before.
            let late = Enterprise.fixture(2, region: "442000100001", sizeClass: .small, aboveScale: true)
            try await server.database.registry.seedCoverageAppointments([
                .coverageFixture(
                    id: 50, uscc: late.uscc, status: .registered, appointedOn: Self.day("2025-01-05"),
                    registeredOn: Self.day("2025-06-30"), endedOn: nil)
            ])
            let after = try await viewer.get(past)
            #expect(after.text == before.text)
            #expect(after[header: "etag"] != before[header: "etag"])
            let today = try await viewer.get("/v1/coverage")
            #expect((today.json["total"] as? [String: Any])?["covered"] as? Int == 2)
        }
    }

    @Test func theTargetOfTheMostSpecificJurisdictionWinsATieAndAPassedDeadlineFallsBackToTheLatest() async throws {
        try await withTestServer { server in
            try await Self.seedTown(server, count: 3, covered: 1)
            try await server.seed([Enterprise.fixture(9, region: "440300100001", sizeClass: .large, aboveScale: true)])
            let regulator = try await server.client("regulator", region: "44")
            func targetID(_ path: String, _ key: String) async throws -> Int? {
                (Self.group(try await regulator.get(path), key)["target"] as? [String: Any])?["id"] as? Int
            }
            // Zhongshan's 2025-12-31 target (id 10) ties Guangdong's small 2025-12-31 one (id 9): 4420 is longer.
            let zhongshan = "/v1/coverage?region=4420&manufacturing=true&above_scale=true&group_by=size_class"
            #expect(try await targetID(zhongshan, "small") == 10)
            #expect(try await targetID(zhongshan + "&as_of=2027-01-01", "small") == 10)
            // Shenzhen large manufacturers: the earliest deadline still ahead, else the latest one.
            let shenzhen = "/v1/coverage?region=4403&manufacturing=true&group_by=size_class"
            #expect(try await targetID(shenzhen + "&as_of=2023-06-30", "large") == 1)
            #expect(try await targetID(shenzhen + "&as_of=2024-06-30", "large") == 4)
            #expect(try await targetID(shenzhen + "&as_of=2024-12-31", "large") == 4)
            #expect(try await targetID(shenzhen + "&as_of=2026-01-01", "large") == 7)
            // Without the manufacturing filter no Guangdong target is known to contain the group.
            #expect(try await targetID("/v1/coverage?region=4403&group_by=size_class", "large") == nil)
        }
    }

    @Test func scopeMetricAndParametersAreChecked() async throws {
        try await withTestServer { server in
            let viewer = try await server.client("viewer", region: "4420")
            #expect(try await viewer.get("/v1/coverage?region=44").status == 404)
            #expect(try await viewer.get("/v1/coverage?region=4403").status == 404)
            #expect(try await viewer.get("/v1/coverage?metric=training").status == 200)
            #expect(try await viewer.get("/v1/coverage?metric=trained").status == 422)
            #expect(try await viewer.get("/v1/coverage?colour=red").status == 422)
            #expect(try await viewer.get("/v1/coverage?as_of=2025-02-30").status == 422)
            #expect(try await viewer.get("/v1/coverage/trend?from=2000-01-01&to=2025-01-01").status == 422)
            #expect(try await viewer.get("/v1/enterprises").status == 403)
        }
    }

    @Test func trendHasAPointAtEveryMonthEndAndExportsAsCSV() async throws {
        try await withTestServer { server in
            try await Self.seedTown(server, count: 4, covered: 2)
            let viewer = try await server.client("viewer", region: "4420")
            let trend = try await viewer.get("/v1/coverage/trend?from=2024-11-15&to=2025-03-31&group_by=size_class")
            let points = trend.json["points"] as? [[String: Any]] ?? []
            #expect(
                points.compactMap { $0["as_of"] as? String } == [
                    "2024-11-30", "2024-12-31", "2025-01-31", "2025-02-28", "2025-03-31",
                ])
            #expect(points.compactMap { ($0["total"] as? [String: Any])?["covered"] as? Int } == [0, 0, 2, 2, 2])
            let csv = try await viewer.get("/v1/coverage?group_by=size_class&format=csv")
            #expect(csv[header: "content-type"] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("2025-06-30,4420,中山市,appointment,size_class,small,,4,2,0.5,"))
            let regulator = try await server.client("regulator", region: "4420")
            let worklist = try await regulator.get("/v1/coverage/worklist?format=csv")
            #expect(worklist.text.split(separator: "\r\n").count == 3)  // header + 2 uncovered
            let workbook = try await regulator.get("/v1/coverage/worklist?format=xlsx")
            #expect(
                workbook[header: "content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Array(workbook.body.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            #expect(workbook.text.contains("xl/worksheets/sheet1.xml"))
            #expect(workbook.text.contains("<t>uncovered_on</t>"))
        }
    }

    @Test func targetsAreReplacedOnlyWithACurrentETag() async throws {
        try await withTestServer { server in
            let admin = try await server.client("admin", region: "4420")
            let body = #"{"region_code":"4420","deadline":"2026-12-31","ratio":0.75,"roles":["cqo"]}"#
            let created = try await admin.post("/v1/coverage-targets", json: body)
            let location = try #require(created[header: "location"])
            let etag = try #require(created[header: "etag"])
            #expect(try await admin.get(location, headers: ["If-None-Match": etag]).status == 304)
            let changed = #"{"region_code":"4420","deadline":"2026-12-31","ratio":0.8}"#
            #expect(
                try await admin.send(
                    "PUT", location, headers: ["Content-Type": "application/json"], body: Array(changed.utf8)
                ).status == 428)
            #expect(
                try await admin.send(
                    "PUT", location, headers: ["Content-Type": "application/json", "If-Match": "\"stale\""],
                    body: Array(changed.utf8)
                ).status == 412)
            let replaced = try await admin.send(
                "PUT", location, headers: ["Content-Type": "application/json", "If-Match": etag],
                body: Array(changed.utf8))
            #expect(replaced.status == 200)
            #expect(replaced.text.contains(#""ratio":0.8"#))
            #expect(try await admin.get("/v1/coverage-targets/1").status == 200)  // Guangdong's: readable
            #expect(try await admin.delete("/v1/coverage-targets/1").status == 403)  // but set above this admin
            #expect(
                try await admin.post(
                    "/v1/coverage-targets", json: #"{"region_code":"4420","deadline":"2026-12-31","ratio":1.5}"#
                ).status == 422)
            #expect(try await admin.delete(location).status == 204)
            #expect(try await admin.get(location).status == 404)
        }
    }
}
