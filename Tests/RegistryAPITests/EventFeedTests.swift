import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// `GET /v1/events`: every change to enterprises and appointments in commit order, scoped by region, with a
/// long-poll that wakes on the next commit.
@Suite struct EventFeedTests {
    typealias Lifecycle = AppointmentLifecycleTests

    static func kinds(_ reply: TestReply) -> [String] {
        ((reply.json["data"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
    }

    @Test func everyChangeIsInTheFeedInCommitOrderAndCursorsContinueIt() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            #expect(try await actors.regulator.post("/v1/enterprises", json: EnterpriseAPITests.body).status == 201)
            let uscc = USCC.fixture(7).value
            let etag = try await actors.regulator.get("/v1/enterprises/\(uscc)")[header: "etag"] ?? ""
            #expect(
                try await actors.regulator.patch(
                    "/v1/enterprises/\(uscc)", json: #"{"name":"改名"}"#, headers: ["If-Match": etag]
                ).status == 200)
            let csv =
                "uscc,name,region_code,size_class,above_scale,industry_code,sector\n\(USCC.fixture(9).value),导入企业,442000100001,small,false,C3857,product\n"
            let imported = try await actors.regulator.send(
                "POST", "/v1/enterprises/import", headers: ["Content-Type": "text/csv"], body: Array(csv.utf8))
            #expect(imported.status == 200)
            let id = try await Lifecycle.file(actors.company)
            #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)

            let feed = try await actors.regulator.get("/v1/events")
            #expect(feed.status == 200)
            #expect(
                Self.kinds(feed) == [
                    "enterprise.created", "enterprise.updated", "enterprise.imported", "appointment.filed",
                    "appointment.registered",
                ])
            let data = try #require(feed.json["data"] as? [[String: Any]])
            let ids = data.compactMap { $0["id"] as? Int }
            #expect(ids == ids.sorted())
            #expect(!feed.text.contains(ResidentIDNumber.fixture(1)), "the feed carries no personal data")
            let cursor = try #require(data[1]["cursor"] as? String)
            let rest = try await actors.regulator.get("/v1/events?after=\(cursor)&limit=2")
            #expect(Self.kinds(rest) == ["enterprise.imported", "appointment.filed"])
            #expect(rest[header: "link"]?.contains("after=") == true)

            let shenzhen = try await server.client("regulator", region: "4403")
            #expect(Self.kinds(try await shenzhen.get("/v1/events")) == [])
            #expect(try await actors.company.get("/v1/events").status == 403)
        }
    }

    /// An enterprise that moves to another region is news in both: the regulators of the region it left see the
    /// move in their feed (and then get 404 for it), those of its new region too; by PATCH and by import alike.
    @Test func aMoveIsInTheFeedOfTheRegionLeftAndTheRegionJoined() async throws {
        try await withTestServer { server in
            let moved = Enterprise.fixture(1, region: "442000100001")
            let imported = Enterprise.fixture(2, region: "442000100002")
            try await server.seed([moved, imported])
            let province = try await server.client("regulator", region: "44")
            let zhongshan = try await server.client("regulator", region: "4420")
            let shenzhen = try await server.client("regulator", region: "4403")
            let path = "/v1/enterprises/\(moved.uscc.value)"
            let etag = try await province.get(path)[header: "etag"] ?? ""
            let patched = try await province.patch(
                path, json: #"{"region_code":"440300100001"}"#, headers: ["If-Match": etag])
            #expect(patched.status == 200)
            let csv = "\(RosterAPITests.header)\n\(imported.uscc.value),迁出企业,440300100002,small,false,C3857,product\n"
            let upload = try await RosterAPITests.upload(province, csv)
            #expect(upload.status == 200)

            for client in [zhongshan, shenzhen] {
                let feed = try await client.get("/v1/events")
                #expect(Self.kinds(feed) == ["enterprise.updated", "enterprise.imported"])
                #expect(feed.text.contains(moved.uscc.value) && feed.text.contains(imported.uscc.value))
            }
            #expect(try await zhongshan.get(path).status == 404)
        }
    }

    @Test func aLongPollWakesOnTheNextCommit() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let start = try await actors.regulator.get("/v1/events")
            #expect(Self.kinds(start) == [])
            let clock = ContinuousClock()
            let began = clock.now
            async let waiting = actors.regulator.get("/v1/events?wait=30")
            _ = try await Lifecycle.file(actors.company)
            let woken = try await waiting
            #expect(Self.kinds(woken) == ["appointment.filed"])
            // Generous: a loaded machine delays the answer, but only a missed wake-up waits the full 30 s.
            #expect(began.duration(to: clock.now) < .seconds(28), "answered on the commit, not at the end of the wait")
        }
    }

    @Test func aLongPollWithNothingNewAnswersEmptyWithTheSameCursor() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            _ = try await Lifecycle.file(actors.company)
            let first = try await actors.regulator.get("/v1/events")
            let cursor = try #require(first.json["next_cursor"] as? String)
            let empty = try await actors.regulator.get("/v1/events?after=\(cursor)&wait=1")
            #expect(empty.status == 200)
            #expect(Self.kinds(empty) == [])
            #expect(empty.json["next_cursor"] as? String == cursor)
            #expect(try await actors.regulator.get("/v1/events?wait=31").status == 422)
            #expect(try await actors.regulator.get("/v1/events?after=nonsense").status == 422)
        }
    }
}
