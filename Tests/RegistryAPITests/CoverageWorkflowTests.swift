import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// Coverage follows changes made through the API's own write paths (filing and registration, dismissal,
/// deregistration by PATCH), because the triggers of migration 0005 fire whatever code writes; and the dashboard
/// page is served to anyone.
@Suite struct CoverageWorkflowTests {
    static func total(_ reply: TestReply) -> (total: Int, covered: Int) {
        let figures = reply.json["total"] as? [String: Any] ?? [:]
        return (figures["total"] as? Int ?? -1, figures["covered"] as? Int ?? -1)
    }

    @Test func filingRegistrationDismissalAndDeregistrationMoveTheFigures() async throws {
        try await withTestServer { server in
            let enterprise = Enterprise.fixture(1, region: "442000100001")
            try await server.seed([enterprise, Enterprise.fixture(2, region: "442000100001")])
            let viewer = try await server.client("viewer", region: "4420")
            let regulator = try await server.client("regulator", region: "4420")
            let before = try await viewer.get("/v1/coverage")
            #expect(Self.total(before) == (2, 0))
            let etag = try #require(before[header: "etag"])

            let filed = try await regulator.post(
                "/v1/enterprises/\(enterprise.uscc.value)/appointments",
                json: FilingFixture.json(appointedOn: "2025-03-01"))
            #expect(filed.status == 201, "\(filed.text)")
            let id = try #require(filed.json["id"] as? Int)
            // A submitted filing covers nothing, but the data changed: a poll gets 200 with a new tag.
            let submitted = try await viewer.get("/v1/coverage", headers: ["If-None-Match": etag])
            #expect(submitted.status == 200)
            #expect(Self.total(submitted) == (2, 0))

            let registered = try await regulator.post(
                "/v1/appointments/\(id)/register", json: #"{"registered_on":"2025-04-01"}"#)
            #expect(registered.status == 200, "\(registered.text)")
            #expect(Self.total(try await viewer.get("/v1/coverage")) == (2, 1))
            #expect(Self.total(try await viewer.get("/v1/coverage?as_of=2025-03-31")) == (2, 0))

            let dismissed = try await regulator.post(
                "/v1/appointments/\(id)/dismiss", json: #"{"ended_on":"2025-06-01","reason":"离职"}"#)
            #expect(dismissed.status == 200, "\(dismissed.text)")
            #expect(Self.total(try await viewer.get("/v1/coverage")) == (2, 0))
            #expect(Self.total(try await viewer.get("/v1/coverage?as_of=2025-05-31")) == (2, 1))

            let admin = try await server.client("admin", region: "4420")
            let current = try await admin.get("/v1/enterprises/\(enterprise.uscc.value)")
            let patched = try await admin.patch(
                "/v1/enterprises/\(enterprise.uscc.value)", json: #"{"deregistered_on":"2025-06-15"}"#,
                headers: ["If-Match": current[header: "etag"] ?? ""])
            #expect(patched.status == 200, "\(patched.text)")
            #expect(Self.total(try await viewer.get("/v1/coverage")) == (1, 0))
            #expect(Self.total(try await viewer.get("/v1/coverage?as_of=2025-06-14")) == (2, 0))
        }
    }

    @Test func theWorklistsListExactlyTheUncoveredOfTheSamePopulation() async throws {
        try await withTestServer { server in
            let roster = (1...6).map {
                Enterprise.fixture(
                    $0, region: "442000100001", sizeClass: $0 % 2 == 0 ? .small : .large, aboveScale: true)
            }
            try await server.seed(roster + [Enterprise.fixture(7, region: "442000100001", industry: "F5123")])
            try await server.database.registry.seedCoverageAppointments(
                roster.prefix(3).enumerated().map { index, enterprise in
                    .coverageFixture(
                        id: Int64(index + 1), uscc: enterprise.uscc, status: .registered,
                        appointedOn: CivilDate(year: 2025, month: 1, day: 2) ?? CivilDate(daysSinceEpoch: 0),
                        registeredOn: CivilDate(year: 2025, month: 1, day: 10), endedOn: nil)
                })
            let regulator = try await server.client("regulator", region: "4420")
            for filters in [
                "manufacturing=true", "manufacturing=true&size_class=small", "above_scale=true", "industry=F",
            ] {
                let coverage = Self.total(try await regulator.get("/v1/coverage?\(filters)"))
                let list = try await regulator.get("/v1/enterprises?covered=false&\(filters)")
                let worklist = try await regulator.get("/v1/coverage/worklist?\(filters)")
                let listed = (list.json["data"] as? [[String: Any]])?.count
                #expect(listed == coverage.total - coverage.covered, "\(filters)")
                #expect((worklist.json["data"] as? [[String: Any]])?.count == listed, "\(filters)")
            }
        }
    }

    @Test func theDashboardIsOneSelfContainedPageForAnyone() async throws {
        try await withTestServer { server in
            let page = try await server.anonymous.get("/")
            #expect(page.status == 200)
            #expect(page[header: "content-type"] == "text/html; charset=utf-8")
            #expect(page[header: "content-security-policy"]?.contains("default-src 'none'") == true)
            #expect(page.text.contains("还需"))
            #expect(!page.text.contains("<script src"))
            #expect(!page.text.contains("http://") && !page.text.contains("https://"))
            let etag = try #require(page[header: "etag"])
            #expect(try await server.anonymous.get("/", headers: ["If-None-Match": etag]).status == 304)
        }
    }
}
