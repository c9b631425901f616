import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// "At most one registered cqo per enterprise at any moment": registering a new one supersedes the old one, in the
/// same transaction, and concurrent registrations never leave two. The old term ends on the new registration date
/// (the successor's appointment date is kept in the reason), so coverage of past days never changes.
@Suite struct AppointmentSupersessionTests {
    typealias Lifecycle = AppointmentLifecycleTests

    @Test func registeringANewCQOSupersedesTheOldFromTheNewRegistrationDate() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let first = try await Lifecycle.file(
                actors.company, FilingFixture.json(person: 1, appointedOn: "2023-01-05"))
            #expect(
                try await actors.regulator.post(
                    "/v1/appointments/\(first)/register", json: #"{"registered_on":"2023-02-01"}"#
                ).status == 200)
            let second = try await Lifecycle.file(
                actors.company, FilingFixture.json(person: 2, appointedOn: "2025-05-01"))
            let registered = try await actors.regulator.post("/v1/appointments/\(second)/register", json: "{}")
            #expect(registered.status == 200)
            let old = try await actors.regulator.get("/v1/appointments/\(first)")
            #expect(old.json["status"] as? String == "superseded")
            #expect(old.json["ended_on"] as? String == "2025-06-30")  // registered today (the test clock)
            let last = (old.json["history"] as? [[String: Any]])?.last
            #expect(last?["reason"] as? String == "superseded by appointment \(second), appointed on 2025-05-01")
            let held = try await actors.regulator.get("/v1/appointments?status=registered&role=cqo")
            #expect((held.json["data"] as? [[String: Any]])?.map { $0["id"] as? Int } == [second])
        }
    }

    @Test func aSafetyOfficerDoesNotSupersedeAnother() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            for person in 1...2 {
                let id = try await Lifecycle.file(
                    actors.company, FilingFixture.json(role: "safety_officer", person: person))
                #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)
            }
            let held = try await actors.regulator.get("/v1/appointments?status=registered")
            #expect((held.json["data"] as? [Any])?.count == 2)
        }
    }

    @Test func twoConcurrentRegistrationsOfOneFilingLetExactlyOneWin() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted() == [200, 409])
        }
    }

    @Test func concurrentRegistrationsOfTwoCQOsNeverLeaveTwoRegistered() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let first = try await Lifecycle.file(actors.company, FilingFixture.json(person: 1))
            let second = try await Lifecycle.file(actors.company, FilingFixture.json(person: 2))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for id in [first, second] {
                    group.addTask {
                        try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Registrations are serialised by the one writer: the later one supersedes the earlier.
            #expect(statuses == [200, 200])
            let registered = try await actors.regulator.get("/v1/appointments?status=registered")
            #expect((registered.json["data"] as? [Any])?.count == 1)
            let superseded = try await actors.regulator.get("/v1/appointments?status=superseded")
            #expect((superseded.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func theDatabaseRefusesASecondRegisteredCQOEvenIfCodeWouldWriteIt() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let first = try await Lifecycle.file(actors.company, FilingFixture.json(person: 1))
            let second = try await Lifecycle.file(actors.company, FilingFixture.json(person: 2))
            #expect(try await actors.regulator.post("/v1/appointments/\(first)/register", json: "{}").status == 200)
            let registry = server.database.registry
            await #expect(throws: StoreError.self) {
                try await registry.write { writer in
                    guard let record = try writer.appointment(id: Int64(second)) else { return }
                    // Bypass supersession on purpose: register without ending the first.
                    let registered = try record.appointment.register(
                        today: CivilDate(year: 2025, month: 6, day: 30) ?? record.appointment.appointedOn, by: "test",
                        at: Instant(millisecondsSinceEpoch: 0))
                    try writer.save(registered)
                }
            }
        }
    }

    @Test func theSamePersonFiledByTwoEnterprisesIsOnePerson() async throws {
        try await withTestRouter { server in
            let other = Enterprise.fixture(3, region: "442000100002")
            try await server.seed([other])
            let actors = try await Lifecycle.actors(server)
            let regulator = actors.regulator
            let a = try await regulator.post(
                "/v1/enterprises/\(Lifecycle.uscc)/appointments", json: FilingFixture.json(person: 5))
            let b = try await regulator.post(
                "/v1/enterprises/\(other.uscc.value)/appointments",
                json: FilingFixture.json(role: "safety_officer", person: 5))
            #expect(a.status == 201 && b.status == 201)
            #expect(a.json["person_id"] as? Int == b.json["person_id"] as? Int)
        }
    }
}
