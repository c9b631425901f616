import Foundation
import RegistryAPI
import RegistryDomain
import RegistryTesting
import Testing

/// Vacancies (003 §3.6): an enterprise whose CQO ended with no newer one registered, shown on the enterprise and
/// listed by `vacant_over_days`. Today is 2025-06-30 on the test clock.
@Suite struct VacancyAPITests {
    typealias Lifecycle = AppointmentLifecycleTests

    /// Registers a CQO appointed in 2023 and dismisses it on `endedOn`; returns its id.
    static func endedCQO(_ actors: Lifecycle.Actors, endedOn: String) async throws -> Int {
        let id = try await Lifecycle.file(actors.company, FilingFixture.json(appointedOn: "2023-01-05"))
        #expect(
            try await actors.regulator.post("/v1/appointments/\(id)/register", json: #"{"registered_on":"2023-02-01"}"#)
                .status == 200)
        let dismissed = try await actors.company.post(
            "/v1/appointments/\(id)/dismiss", json: #"{"ended_on":"\#(endedOn)","reason":"离职"}"#)
        #expect(dismissed.status == 200)
        return id
    }

    static func ids(_ reply: TestReply) -> [Int] {
        ((reply.json["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
    }

    @Test func anEnterpriseWhoseCQOLeftLongerAgoThanNDaysIsListed() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Self.endedCQO(actors, endedOn: "2025-05-01")  // 60 days before today
            #expect(Self.ids(try await actors.regulator.get("/v1/appointments?vacant_over_days=30")) == [id])
            #expect(Self.ids(try await actors.regulator.get("/v1/appointments?vacant_over_days=59")) == [id])
            #expect(Self.ids(try await actors.regulator.get("/v1/appointments?vacant_over_days=60")) == [])

            let enterprise = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            let vacancy = try #require(enterprise.json["vacancy"] as? [String: Any])
            #expect(vacancy["since"] as? String == "2025-05-01")
            #expect(vacancy["days"] as? Int == 60)
            #expect(vacancy["over_grace_period"] as? Bool == true)
            #expect(vacancy["role"] as? String == "cqo")
        }
    }

    @Test func aPendingFilingDoesNotFillThePostButANewRegistrationDoes() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let old = try await Self.endedCQO(actors, endedOn: "2025-05-01")
            let next = try await Lifecycle.file(
                actors.company, FilingFixture.json(person: 2, appointedOn: "2025-06-01"))
            #expect(Self.ids(try await actors.regulator.get("/v1/appointments?vacant_over_days=30")) == [old])
            let enterprise = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            let current = try #require(enterprise.json["current_appointments"] as? [[String: Any]])
            #expect(current.map { $0["id"] as? Int } == [next])
            #expect(current.first?["status"] as? String == "submitted")
            #expect(
                !enterprise.text.contains(ResidentIDNumber.fixture(2)), "current appointments carry no personal data")

            #expect(try await actors.regulator.post("/v1/appointments/\(next)/register", json: "{}").status == 200)
            #expect(Self.ids(try await actors.regulator.get("/v1/appointments?vacant_over_days=0")) == [])
            let filled = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            #expect(filled.json["vacancy"] is NSNull)
            #expect(filled.json["covered"] as? Bool == true)
        }
    }

    @Test func theGracePeriodIsConfiguration() async throws {
        var configuration = RegistryAPIConfiguration()
        configuration.vacancyGracePeriodDays = 90
        try await withTestRouter(api: configuration) { server in
            let actors = try await Lifecycle.actors(server)
            _ = try await Self.endedCQO(actors, endedOn: "2025-05-01")
            let enterprise = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            #expect((enterprise.json["vacancy"] as? [String: Any])?["over_grace_period"] as? Bool == false)
        }
    }

    @Test func aChangeOfAppointmentsChangesTheEnterpriseETagAndPatchStillMatches() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let before = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            _ = try await Lifecycle.file(actors.company)
            let after = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            #expect(after[header: "etag"] != before[header: "etag"])
            let etag = try #require(after[header: "etag"])
            let patched = try await actors.regulator.patch(
                "/v1/enterprises/\(Lifecycle.uscc)", json: #"{"name":"新名字"}"#, headers: ["If-Match": etag])
            #expect(patched.status == 200)
            #expect((patched.json["current_appointments"] as? [Any])?.count == 1)
        }
    }

    @Test func aListedEnterpriseShowsWhatItsOwnReadShows() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            try await server.seed([Enterprise.fixture(2, region: "442000100001")])
            _ = try await Self.endedCQO(actors, endedOn: "2025-05-01")
            let one = try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")
            let list = try await actors.regulator.get("/v1/enterprises")
            let items = try #require(list.json["data"] as? [[String: Any]])
            #expect(items.count == 2)
            let listed = try #require(items.first { $0["uscc"] as? String == Lifecycle.uscc })
            #expect(listed["etag"] as? String == one[header: "etag"])
            #expect((listed["vacancy"] as? [String: Any])?["since"] as? String == "2025-05-01")
            #expect(items.first { $0["uscc"] as? String != Lifecycle.uscc }?["vacancy"] is NSNull)
        }
    }

    @Test func aDeregisteredEnterpriseHasNoVacancy() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            _ = try await Self.endedCQO(actors, endedOn: "2025-05-01")
            let etag = try #require(try await actors.regulator.get("/v1/enterprises/\(Lifecycle.uscc)")[header: "etag"])
            let closed = try await actors.regulator.patch(
                "/v1/enterprises/\(Lifecycle.uscc)", json: #"{"deregistered_on":"2025-06-01"}"#,
                headers: ["If-Match": etag])
            #expect(closed.status == 200)
            #expect(closed.json["vacancy"] is NSNull)
            #expect(Self.ids(try await actors.regulator.get("/v1/appointments?vacant_over_days=30")) == [])
        }
    }
}
