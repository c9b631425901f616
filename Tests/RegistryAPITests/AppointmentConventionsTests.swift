import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// API.md's conventions on the appointment routes: idempotent creation, conditional GETs, stable pagination.
@Suite struct AppointmentConventionsTests {
    typealias Lifecycle = AppointmentLifecycleTests

    @Test func aRepeatedFilingWithTheSameKeyAndBodyGetsTheFirstResponse() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let path = "/v1/enterprises/\(Lifecycle.uscc)/appointments"
            let first = try await actors.company.post(
                path, json: FilingFixture.json(), headers: ["Idempotency-Key": "k-1"])
            let again = try await actors.company.post(
                path, json: FilingFixture.json(), headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == 201)
            #expect(again.status == 201)
            #expect(again.body == first.body)
            #expect(again[header: "location"] == first[header: "location"])
            #expect(again[header: "idempotent-replayed"] == "true")
            let different = try await actors.company.post(
                path, json: FilingFixture.json(person: 2), headers: ["Idempotency-Key": "k-1"])
            #expect(different.status == 422)
            let list = try await actors.company.get(path)
            #expect((list.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func aConditionalGetOfAnAppointmentChangesWithItsStatus() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let read = try await actors.regulator.get("/v1/appointments/\(id)")
            let etag = try #require(read[header: "etag"])
            #expect(
                try await actors.regulator.get("/v1/appointments/\(id)", headers: ["If-None-Match": etag]).status == 304
            )
            #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)
            let changed = try await actors.regulator.get("/v1/appointments/\(id)", headers: ["If-None-Match": etag])
            #expect(changed.status == 200)
            #expect(changed[header: "etag"] != etag)
        }
    }

    @Test func pagesFollowedWhileFilingsArriveReturnEveryFilingExactlyOnce() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            var expected: [Int] = []
            for person in 1...5 {
                expected.append(try await Lifecycle.file(actors.company, FilingFixture.json(person: person)))
            }
            var seen: [Int] = []
            var next: String? = "/v1/appointments?limit=2"
            var inserted = 0
            while let path = next {
                let page = try await actors.regulator.get(path)
                #expect(page.status == 200)
                seen += ((page.json["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
                if inserted < 2 {
                    inserted += 1
                    expected.append(try await Lifecycle.file(actors.company, FilingFixture.json(person: 10 + inserted)))
                }
                next = page[header: "link"].flatMap { link in
                    link.split(separator: ">").first.map { String($0.dropFirst()) }
                }
                #expect((page.json["next_cursor"] is NSNull) == (next == nil))
            }
            #expect(seen == expected.sorted())
            #expect(Set(seen).count == seen.count)
        }
    }

    @Test func anEnterpriseListsOnlyItsOwnAppointmentsAndUnknownFiltersAreRefused() async throws {
        try await withTestServer { server in
            let other = Enterprise.fixture(4, region: "442000100002")
            try await server.seed([other])
            let actors = try await Lifecycle.actors(server)
            _ = try await Lifecycle.file(actors.company)
            let elsewhere = try await actors.regulator.post(
                "/v1/enterprises/\(other.uscc.value)/appointments", json: FilingFixture.json(person: 2))
            #expect(elsewhere.status == 201)
            let own = try await actors.company.get("/v1/appointments")
            #expect((own.json["data"] as? [Any])?.count == 1)
            let foreign = try await actors.company.get("/v1/appointments?uscc=\(other.uscc.value)")
            #expect((foreign.json["data"] as? [Any])?.count == 0)
            #expect(try await actors.company.get("/v1/enterprises/\(other.uscc.value)/appointments").status == 404)
            #expect(try await actors.regulator.get("/v1/appointments?colour=red").status == 422)
            #expect(try await actors.regulator.get("/v1/appointments?status=lost").status == 422)
        }
    }
}
