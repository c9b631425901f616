import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// `metric=training` on `GET /v1/coverage`, `/trend` and `/worklist` over the real server: the population is the
/// enterprises with a registered cqo, covered when that appointee holds a certificate valid on the day.
/// Certificates are written straight into the test database (the exam API that issues them is not served yet).
@Suite struct CoverageTrainingAPITests {
    static func day(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(daysSinceEpoch: 0) }

    static func certificate(
        _ sequence: Int, person: Int64, issued: String, expires: String, revoked: String? = nil
    ) throws -> Certificate {
        let number = CertificateNumber.fixture(year: 2025, sequence: sequence)
        return Certificate(
            number: number, personID: person, issuedOn: day(issued), expiresOn: day(expires),
            revokedOn: revoked.map(day))
    }

    /// Five enterprises in a Zhongshan town, four with a cqo (persons 1–4) registered 2025-01-10. Person 1 is
    /// certified throughout, person 2 from March, person 3's certificate expired after 2025-02-27, person 4 has
    /// none; enterprise 5 has no cqo and so is outside the training population.
    static func seed(_ server: TestServer) async throws -> [Certificate] {
        try await CoverageAPITests.seedTown(server, count: 5, covered: 4)
        let certificates = [
            try certificate(1, person: 1, issued: "2024-06-01", expires: "2027-05-31"),
            try certificate(2, person: 2, issued: "2025-03-01", expires: "2028-02-29"),
            try certificate(3, person: 3, issued: "2022-03-01", expires: "2025-02-27"),
        ]
        try await server.database.registry.seedCoverageCertificates(certificates)
        return certificates
    }

    static func total(_ reply: TestReply) -> (total: Int, covered: Int) {
        let figures = reply.json["total"] as? [String: Any] ?? [:]
        return (figures["total"] as? Int ?? -1, figures["covered"] as? Int ?? -1)
    }

    @Test func coverageTrendAndWorklistCountCertifiedCQOs() async throws {
        try await withTestServer { server in
            _ = try await Self.seed(server)
            let viewer = try await server.client("viewer", region: "4420")
            let today = try await viewer.get("/v1/coverage?metric=training&group_by=size_class")
            #expect(today.status == 200, "\(today.text)")
            #expect(today.json["metric"] as? String == "training")
            #expect(Self.total(today) == (4, 2))
            #expect(CoverageAPITests.group(today, "small")["covered"] as? Int == 2)
            #expect(Self.total(try await viewer.get("/v1/coverage")) == (5, 4), "appointment coverage unchanged")
            #expect(Self.total(try await viewer.get("/v1/coverage?metric=training&as_of=2025-01-09")) == (0, 0))

            let trend = try await viewer.get("/v1/coverage/trend?metric=training&from=2025-01-01&to=2025-03-31")
            let points = trend.json["points"] as? [[String: Any]] ?? []
            #expect(points.compactMap { ($0["total"] as? [String: Any])?["covered"] as? Int } == [2, 1, 2])
            #expect(points.compactMap { ($0["total"] as? [String: Any])?["total"] as? Int } == [4, 4, 4])

            let regulator = try await server.client("regulator", region: "4420")
            let worklist = try await regulator.get("/v1/coverage/worklist?metric=training")
            #expect(worklist.status == 200, "\(worklist.text)")
            let usccs = (worklist.json["data"] as? [[String: Any]] ?? []).compactMap { $0["uscc"] as? String }
            #expect(usccs == [USCC.fixture(3).value, USCC.fixture(4).value], "the population members not covered")
            let appointment = try await regulator.get("/v1/coverage/worklist")
            #expect((appointment.json["data"] as? [[String: Any]])?.count == 1, "only enterprise 5 has no cqo")
        }
    }

    @Test func aTrainingTargetAppliesToTrainingCoverageOnly() async throws {
        try await withTestServer { server in
            _ = try await Self.seed(server)
            let admin = try await server.client("admin", region: "4420")
            let created = try await admin.post(
                "/v1/coverage-targets",
                json: #"{"region_code":"4420","metric":"training","deadline":"2025-12-31","ratio":1}"#)
            #expect(created.status == 201, "\(created.text)")
            let viewer = try await server.client("viewer", region: "4420")
            let training = try await viewer.get("/v1/coverage?metric=training")
            let figures = training.json["total"] as? [String: Any] ?? [:]
            let id = try #require(created.json["id"] as? Int)
            #expect((figures["target"] as? [String: Any])?["id"] as? Int == id)
            #expect(figures["shortfall"] as? Int == 2)
            #expect(figures["met"] as? Bool == false)
            let appointment = try await viewer.get("/v1/coverage")
            #expect((appointment.json["total"] as? [String: Any])?["target"] is NSNull)
        }
    }

    @Test func aRevocationChangesTheTagAndTodayButNotAPastDate() async throws {
        try await withTestServer { server in
            let certificates = try await Self.seed(server)
            let viewer = try await server.client("viewer", region: "4420")
            let past = "/v1/coverage?metric=training&as_of=2025-03-31&group_by=region"
            let pastBefore = try await viewer.get(past)
            let todayBefore = try await viewer.get("/v1/coverage?metric=training")
            let etag = try #require(todayBefore[header: "etag"])
            #expect(
                try await viewer.get("/v1/coverage?metric=training", headers: ["If-None-Match": etag]).status == 304)
            #expect(try await viewer.get("/v1/coverage")[header: "etag"] != etag, "each metric has its own tag")

            // An exit revokes person 1's certificate from today (2025-06-30).
            try await server.database.registry.seedCoverageCertificates([
                certificates[0].revoked(on: Self.day("2025-06-30"))
            ])
            let todayAfter = try await viewer.get("/v1/coverage?metric=training", headers: ["If-None-Match": etag])
            #expect(todayAfter.status == 200)
            #expect(todayAfter[header: "etag"] != etag)
            #expect(Self.total(todayAfter) == (4, 1))
            let pastAfter = try await viewer.get(past)
            #expect(pastAfter.text == pastBefore.text)
            #expect(Self.total(pastAfter) == (4, 2))

            // A new certificate for person 4 counts from its issue date on.
            try await server.database.registry.seedCoverageCertificates([
                try Self.certificate(9, person: 4, issued: "2025-06-30", expires: "2028-06-29")
            ])
            #expect(Self.total(try await viewer.get("/v1/coverage?metric=training")) == (4, 2))
            #expect(Self.total(try await viewer.get("/v1/coverage?metric=training&as_of=2025-06-29")) == (4, 2))
        }
    }

    /// Through the API's own write paths: a cqo filed and registered, a passed exam issues the certificate, an exit
    /// removes the appointment and revokes the certificate from its day; the days before stay as they were.
    @Test func anExamPassCoversAndAnExitRevokesFromItsDayOnly() async throws {
        try await withTestServer { server in
            let actors = try await AppointmentLifecycleTests.actors(server)
            let id = try await SupervisionAPITests.registered(actors)  // registered 2025-03-10
            let person = try #require(
                try await actors.regulator.get("/v1/appointments/\(id)").json["person_id"] as? Int)
            let viewer = try await server.client("viewer", region: "4420")
            let today = try await viewer.get("/v1/coverage?metric=training")
            #expect(Self.total(today) == (1, 0))
            let etag = try #require(today[header: "etag"])

            let exam = try await actors.regulator.post(
                "/v1/exams", json: #"{"person_id":\#(person),"taken_on":"2025-04-01","score":90}"#)
            #expect(exam.status == 201, "\(exam.text)")
            let passed = try await viewer.get("/v1/coverage?metric=training", headers: ["If-None-Match": etag])
            #expect(passed.status == 200)
            #expect(Self.total(passed) == (1, 1))
            #expect(Self.total(try await viewer.get("/v1/coverage?metric=training&as_of=2025-03-31")) == (1, 0))
            let may = "/v1/coverage?metric=training&as_of=2025-05-31"
            let mayBefore = try await viewer.get(may)
            #expect(Self.total(mayBefore) == (1, 1))

            let exit = try await actors.regulator.post(
                "/v1/appointments/\(id)/supervision-actions",
                json: #"{"kind":"exit","reason":"严重失职","occurred_on":"2025-06-01"}"#)
            #expect(exit.status == 201, "\(exit.text)")
            #expect(Self.total(try await viewer.get("/v1/coverage?metric=training")) == (0, 0), "no registered cqo")
            #expect(try await viewer.get(may).text == mayBefore.text)
        }
    }
}
