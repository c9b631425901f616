import RegistryDomain
import Testing

@Suite struct CoverageRuleTests {
    private let enterprise = Enterprise.fixture()

    @Test(
        arguments: [
            // appointed, registered, ended, status, as of, covered
            ("2024-01-10", "2024-02-01", nil, AppointmentStatus.registered, "2024-01-31", false),  // not yet registered
            ("2024-01-10", "2024-02-01", nil, .registered, "2024-02-01", true),
            // dismissed later: still covered then
            ("2024-01-10", "2024-02-01", "2024-06-01", .dismissed, "2024-05-31", true),
            ("2024-01-10", "2024-02-01", "2024-06-01", .dismissed, "2024-06-01", false),  // ended on E covers days < E
            ("2024-01-10", "2024-02-01", "2024-06-01", .superseded, "2024-03-01", true),
            ("2024-01-10", "2024-02-01", "2024-06-01", .removed, "2024-03-01", true),
            ("2024-01-10", nil, nil, .submitted, "2024-03-01", false),
            ("2024-01-10", nil, nil, .returned, "2024-03-01", false),
            ("2024-01-10", nil, "2024-02-01", .dismissed, "2024-01-20", false),  // never registered: never covers
        ] as [(String, String?, String?, AppointmentStatus, String, Bool)])
    func coverageIsJudgedByDatesNotCurrentStatus(
        appointed: String, registered: String?, ended: String?, status: AppointmentStatus, asOf: String, covered: Bool
    ) {
        let appointment = Appointment.fixture(
            uscc: enterprise.uscc, appointedOn: appointed, registeredOn: registered, endedOn: ended, status: status)
        #expect(
            CoverageRule.isCovered(enterprise, appointments: [appointment], roles: [.cqo], on: date(asOf)) == covered)
    }

    @Test(arguments: [([Role.cqo], false), ([.cqo, .safetyDirector], true), ([.safetyDirector], true)])
    func onlyCountedRolesCover(roles: [Role], covered: Bool) {
        let appointment = Appointment.fixture(uscc: enterprise.uscc, role: .safetyDirector, registeredOn: "2024-02-01")
        #expect(
            CoverageRule.isCovered(enterprise, appointments: [appointment], roles: Set(roles), on: date("2024-03-01"))
                == covered)
    }

    @Test func anotherEnterprisesAppointmentDoesNotCover() {
        let appointment = Appointment.fixture(uscc: .fixture(number: 99), registeredOn: "2024-02-01")
        #expect(!CoverageRule.isCovered(enterprise, appointments: [appointment], roles: [.cqo], on: date("2024-03-01")))
    }

    @Test(
        arguments: [
            (nil, nil, "2024-03-01", true),
            (nil, "2024-03-01", "2024-02-29", true),
            (nil, "2024-03-01", "2024-03-01", false),  // leaves on its deregistration date
            ("2024-03-01", nil, "2024-02-29", false),  // not yet on the roster
            ("2024-03-01", nil, "2024-03-01", true),
        ] as [(String?, String?, String, Bool)])
    func populationFollowsRosterDates(registered: String?, deregistered: String?, asOf: String, member: Bool) {
        let enterprise = Enterprise.fixture(registeredOn: registered, deregisteredOn: deregistered)
        #expect(
            CoverageRule.isInPopulation(enterprise, region: region("4420"), population: .everyone, on: date(asOf))
                == member)
    }

    @Test(arguments: [
        ("44", PopulationFilter.everyone, true),
        ("4419", .everyone, false),
        ("442000100", .init(sizeClass: .large, aboveScale: true, manufacturing: true), true),
        ("4420", .init(sizeClass: .medium), false),
        ("4420", .init(aboveScale: false), false),
        ("4420", .init(manufacturing: false), false),
        ("4420", .init(industry: try! IndustryCode("C38")), true),
        ("4420", .init(industry: try! IndustryCode("C39")), false),
        ("4420", .init(sector: .service), false),
    ])
    func populationFollowsRegionPrefixAndFilters(queried: String, population: PopulationFilter, member: Bool) {
        #expect(
            CoverageRule.isInPopulation(
                enterprise, region: region(queried), population: population, on: date("2025-01-01"))
                == member)
    }

    @Test(
        arguments: [
            ("2025-03-01", "2028-02-29", nil, "2025-02-28", false),  // not yet issued
            ("2025-03-01", "2028-02-29", nil, "2025-03-01", true),
            ("2025-03-01", "2028-02-29", nil, "2028-02-29", true),
            ("2025-03-01", "2028-02-29", nil, "2028-03-01", false),
            ("2025-03-01", "2028-02-29", "2026-01-01", "2025-12-31", true),
            ("2025-03-01", "2028-02-29", "2026-01-01", "2026-01-01", false),
        ] as [(String, String, String?, String, Bool)])
    func trainedMeansAValidCertificateOnTheDate(
        issued: String, expires: String, revoked: String?, asOf: String, trained: Bool
    ) throws {
        let appointment = Appointment.fixture(id: 4, registeredOn: "2024-02-01")
        let certificate = Certificate(
            number: try #require(CertificateNumber(year: 2025, sequence: 1)), personID: appointment.personID,
            issuedOn: date(issued), expiresOn: date(expires), revokedOn: revoked.map(date))
        #expect(CoverageRule.isTrained(appointment, certificates: [certificate], on: date(asOf)) == trained)
        var someoneElses = certificate
        someoneElses.personID += 1
        #expect(!CoverageRule.isTrained(appointment, certificates: [someoneElses], on: date(asOf)))
    }
}
