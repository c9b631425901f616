import RegistryDomain
import Testing

/// Metric `training` (DOMAIN.md "Training coverage"; 003 §2): the population is the enterprises with a registered
/// `cqo` on the day, covered when that appointee holds a certificate valid on the day.
@Suite struct TrainingCoverageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var asOf: String
        /// (person, issued_on, expires_on, revoked_on) for each certificate.
        var certificates: [(Int64, String, String, String?)] = []
        var role: Role = .cqo
        var deregisteredOn: String?
        /// (total, covered) for the one enterprise.
        var expected: (Int, Int)

        var testDescription: String { name }
    }

    /// The enterprise's appointment (person 1) was appointed 2022-01-10, registered 2022-02-01, ended 2023-06-01.
    static let cases: [Case] = [
        Case(name: "no certificate", asOf: "2022-03-01", expected: (1, 0)),
        Case(
            name: "the day before issue", asOf: "2022-02-28", certificates: [(1, "2022-03-01", "2025-02-28", nil)],
            expected: (1, 0)),
        Case(
            name: "the day of issue", asOf: "2022-03-01", certificates: [(1, "2022-03-01", "2025-02-28", nil)],
            expected: (1, 1)),
        Case(
            name: "the last valid day", asOf: "2022-12-31", certificates: [(1, "2022-03-01", "2022-12-31", nil)],
            expected: (1, 1)),
        Case(
            name: "the day after expiry", asOf: "2023-01-01", certificates: [(1, "2022-03-01", "2022-12-31", nil)],
            expected: (1, 0)),
        Case(
            name: "the day before revocation", asOf: "2022-09-30",
            certificates: [(1, "2022-03-01", "2025-02-28", "2022-10-01")], expected: (1, 1)),
        Case(
            name: "the day of revocation", asOf: "2022-10-01",
            certificates: [(1, "2022-03-01", "2025-02-28", "2022-10-01")], expected: (1, 0)),
        Case(
            name: "a certificate held before the appointment", asOf: "2022-03-01",
            certificates: [(1, "2020-05-01", "2030-04-30", nil)], expected: (1, 1)),
        Case(
            name: "an expired one and a renewed one", asOf: "2023-03-01",
            certificates: [(1, "2020-05-01", "2022-04-30", nil), (1, "2023-02-01", "2026-01-31", nil)],
            expected: (1, 1)),
        Case(
            name: "another person's certificate", asOf: "2022-03-01",
            certificates: [(2, "2020-05-01", "2030-04-30", nil)], expected: (1, 0)),
        Case(
            name: "before registration: not in the population", asOf: "2022-01-31",
            certificates: [(1, "2020-05-01", "2030-04-30", nil)], expected: (0, 0)),
        Case(
            name: "on the end date: not in the population", asOf: "2023-06-01",
            certificates: [(1, "2020-05-01", "2030-04-30", nil)], expected: (0, 0)),
        Case(
            name: "a safety director does not count", asOf: "2022-03-01",
            certificates: [(1, "2020-05-01", "2030-04-30", nil)], role: .safetyDirector, expected: (0, 0)),
        Case(
            name: "deregistered enterprise", asOf: "2022-06-01", certificates: [(1, "2020-05-01", "2030-04-30", nil)],
            deregisteredOn: "2022-06-01", expected: (0, 0)),
    ]

    @Test(arguments: cases)
    func trainingCoverageOfOneEnterprise(_ example: Case) throws {
        let enterprise = Enterprise.fixture(deregisteredOn: example.deregisteredOn)
        let appointment = Appointment.fixture(
            id: 1, uscc: enterprise.uscc, role: example.role, appointedOn: "2022-01-10", registeredOn: "2022-02-01",
            endedOn: "2023-06-01")
        let certificates = try example.certificates.enumerated().map { index, item in
            let number = try #require(CertificateNumber(year: 2022, sequence: index + 1))
            return Certificate(
                number: number, personID: item.0, issuedOn: date(item.1), expiresOn: date(item.2),
                revokedOn: item.3.map(date))
        }
        let query = CoverageQuery(region: region("44"), asOf: date(example.asOf), metric: .training)
        let report = CoverageCalculator.report(
            query, enterprises: [enterprise], appointments: [appointment], certificates: certificates, targets: [])
        #expect(report.total.total == example.expected.0)
        #expect(report.total.covered == example.expected.1)
        let worklist = CoverageCalculator.worklist(
            query, enterprises: [enterprise], appointments: [appointment], certificates: certificates)
        #expect(worklist.count == example.expected.0 - example.expected.1, "the population members not covered")
    }

    /// An exit revoking the certificate from its `occurred_on` changes the days from then on, never a past report.
    @Test func aLaterRevocationLeavesAPastDateAsItWas() throws {
        let enterprise = Enterprise.fixture()
        let appointment = Appointment.fixture(id: 1, uscc: enterprise.uscc, registeredOn: "2024-02-01")
        let number = try #require(CertificateNumber(year: 2024, sequence: 1))
        let certificate = Certificate.issued(number: number, personID: 1, on: date("2024-01-05"))
        func covered(_ day: String, _ certificate: Certificate) -> Int {
            CoverageCalculator.report(
                CoverageQuery(region: region("44"), asOf: date(day), metric: .training), enterprises: [enterprise],
                appointments: [appointment], certificates: [certificate], targets: []
            ).total.covered
        }
        let revoked = certificate.revoked(on: date("2024-09-01"))
        #expect(covered("2024-08-31", certificate) == 1)
        #expect(covered("2024-08-31", revoked) == 1)
        #expect(covered("2024-09-01", certificate) == 1)
        #expect(covered("2024-09-01", revoked) == 0)
    }

    /// Units are enterprises: an enterprise with a registered cqo and a registered safety director counts once
    /// when counting both roles, covered when either appointee is certified.
    @Test func anEnterpriseCountsOnceWhicheverOfItsAppointeesIsCertified() throws {
        let enterprise = Enterprise.fixture()
        let appointments = [
            Appointment.fixture(id: 1, uscc: enterprise.uscc, registeredOn: "2024-02-01"),
            Appointment.fixture(id: 2, uscc: enterprise.uscc, role: .safetyDirector, registeredOn: "2024-02-01"),
        ]
        let number = try #require(CertificateNumber(year: 2024, sequence: 1))
        let certificates = [Certificate.issued(number: number, personID: 2, on: date("2024-01-05"))]
        let both = CoverageQuery(
            region: region("44"), asOf: date("2024-06-30"), metric: .training, roles: [.cqo, .safetyDirector])
        let report = CoverageCalculator.report(
            both, enterprises: [enterprise], appointments: appointments, certificates: certificates, targets: [])
        #expect((report.total.total, report.total.covered) == (1, 1))
        let cqoOnly = CoverageCalculator.report(
            both.withRoles([.cqo]), enterprises: [enterprise], appointments: appointments,
            certificates: certificates, targets: [])
        #expect((cqoOnly.total.total, cqoOnly.total.covered) == (1, 0))
    }
}

extension CoverageQuery {
    fileprivate func withRoles(_ roles: Set<Role>) -> CoverageQuery {
        var query = self
        query.roles = roles
        return query
    }
}
