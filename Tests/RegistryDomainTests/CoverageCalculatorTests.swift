import RegistryDomain
import Testing

/// Guangdong's manufacturing targets (001 §(四)).
private let guangdongTargets: [CoverageTarget] = [
    (2023, SizeClass.large, "0.6"), (2023, .medium, "0.5"), (2023, .small, "0.3"),
    (2024, .large, "0.8"), (2024, .medium, "0.6"), (2024, .small, "0.4"),
    (2025, .large, "1"), (2025, .medium, "1"), (2025, .small, "0.6"),
].enumerated().map { index, row in
    CoverageTarget.fixture(
        id: Int64(index + 1), region: "44", population: PopulationFilter(sizeClass: row.1, manufacturing: true),
        deadline: "\(row.0)-12-31", ratio: row.2)
}

@Suite struct CoverageCalculatorTests {
    /// A roster of `count` enterprises of `sizeClass`, the first `covered` of them with a registered CQO.
    private func roster(
        from first: Int, count: Int, covered: Int, sizeClass: SizeClass, industry: String = "C3857",
        region: String = "442000100"
    ) -> ([Enterprise], [Appointment]) {
        let enterprises = (first..<first + count).map {
            Enterprise.fixture(number: $0, region: region, sizeClass: sizeClass, industry: industry)
        }
        let appointments = enterprises.prefix(covered).enumerated().map {
            Appointment.fixture(id: Int64(first + $0.offset), uscc: $0.element.uscc, registeredOn: "2024-02-01")
        }
        return (enterprises, appointments)
    }

    private func zhongshan() -> ([Enterprise], [Appointment]) {
        let parts = [
            roster(from: 1, count: 5, covered: 4, sizeClass: .large),
            roster(from: 100, count: 10, covered: 5, sizeClass: .medium),
            roster(from: 200, count: 25, covered: 10, sizeClass: .small),
            roster(from: 300, count: 3, covered: 0, sizeClass: .micro),
            roster(from: 400, count: 4, covered: 1, sizeClass: .large, industry: "F5123"),  // not manufacturing
            roster(from: 500, count: 6, covered: 6, sizeClass: .large, region: "441900003"),  // Dongguan
        ]
        var enterprises = parts.flatMap(\.0)
        enterprises.append(.fixture(number: 600, sizeClass: .large, deregisteredOn: "2024-06-30"))
        return (enterprises, parts.flatMap(\.1))
    }

    @Test func guangdongTargetsApplyToManufacturingSizeClassesOfZhongshan() {
        let (enterprises, appointments) = zhongshan()
        let query = CoverageQuery(
            region: region("4420"), asOf: date("2024-06-30"), groupBy: .sizeClass,
            population: PopulationFilter(manufacturing: true))
        let report = CoverageCalculator.report(
            query, enterprises: enterprises, appointments: appointments, targets: guangdongTargets)
        let rows = report.groups.map {
            [$0.key, "\($0.total)", "\($0.covered)", $0.target.map { "\($0.id)" }, $0.shortfall.map(String.init)]
        }
        #expect(
            rows == [
                ["large", "5", "4", "4", "0"],
                ["medium", "10", "5", "5", "1"],
                ["small", "25", "10", "6", "0"],
                ["micro", "3", "0", nil, nil],
            ])
        #expect(report.total.total == 43)
        #expect(report.total.covered == 19)
        #expect(report.total.target == nil)  // the whole is not within one size class
        #expect(report.groups.map(\.met) == [true, false, true, nil])
    }

    @Test func queryFilteredToASizeClassGetsItsTargetForTheWhole() {
        let (enterprises, appointments) = zhongshan()
        let query = CoverageQuery(
            region: region("44"), asOf: date("2025-06-30"),
            population: PopulationFilter(sizeClass: .large, manufacturing: true))
        let report = CoverageCalculator.report(
            query, enterprises: enterprises, appointments: appointments, targets: guangdongTargets)
        #expect(report.groups.isEmpty)
        #expect(report.total.total == 11)  // 5 in Zhongshan, 6 in Dongguan; the deregistered one has left
        #expect(report.total.covered == 10)
        #expect(report.total.target?.id == 7)
        #expect(report.total.shortfall == 1)
        #expect(report.total.ratioText() == "0.9091")
    }

    @Test func trendRepeatsTheReportAtEachMonthEnd() {
        let (enterprises, appointments) = zhongshan()
        let query = CoverageQuery(region: region("4420"), asOf: date("2024-01-01"))
        let points = CoverageCalculator.trend(
            query, from: date("2024-01-01"), through: date("2024-03-15"), enterprises: enterprises,
            appointments: appointments, targets: [])
        #expect(points.map(\.query.asOf) == [date("2024-01-31"), date("2024-02-29")])
        #expect(points.map(\.total.covered) == [0, 20])
    }

    @Test func worklistListsTheUncoveredOfAGroup() {
        let (enterprises, appointments) = zhongshan()
        let query = CoverageQuery(
            region: region("4420"), asOf: date("2024-06-30"), groupBy: .sizeClass,
            population: PopulationFilter(manufacturing: true))
        let medium = CoverageCalculator.worklist(
            query, groupKey: "medium", enterprises: enterprises, appointments: appointments)
        #expect(medium.map(\.uscc) == (105..<110).map { USCC.fixture(number: $0) })
        #expect(CoverageCalculator.worklist(query, enterprises: enterprises, appointments: appointments).count == 24)
    }

    @Test func trainingCoverageCountsEnterprisesWhoseRegisteredCQOHoldsAValidCertificate() throws {
        let enterprises = [Enterprise.fixture(number: 1), .fixture(number: 2)]
        let appointments = [
            Appointment.fixture(id: 1, uscc: enterprises[0].uscc, registeredOn: "2024-02-01"),
            Appointment.fixture(id: 2, uscc: enterprises[0].uscc, role: .safetyDirector, registeredOn: "2024-02-01"),
            Appointment.fixture(id: 3, uscc: enterprises[1].uscc, registeredOn: "2024-02-01"),
            Appointment.fixture(id: 4, uscc: enterprises[1].uscc),  // submitted: not a unit
        ]
        let number = try #require(CertificateNumber(year: 2024, sequence: 1))
        let certificates = [Certificate.issued(number: number, personID: 1, on: date("2024-03-01"))]
        let query = CoverageQuery(region: region("44"), asOf: date("2024-06-30"), metric: .training)
        let report = CoverageCalculator.report(
            query, enterprises: enterprises, appointments: appointments, certificates: certificates,
            targets: [.fixture(id: 1, metric: .training, deadline: "2022-12-31")])
        #expect(report.total.total == 2)
        #expect(report.total.covered == 1)
        #expect(report.total.target?.id == 1)
        #expect(report.total.shortfall == 1)
    }

    @Test(arguments: simulationSeeds)
    func groupsAddUpToTheTotal(seed: UInt64) {
        var simulation = RegistrySimulation(seed: seed, start: date("2023-01-01"), endDate: .newAppointmentDate)
        simulation.run(through: date("2024-12-31"))
        for metric in CoverageMetric.allCases {
            for groupBy in CoverageGrouping.allCases {
                let query = CoverageQuery(
                    region: region("44"), asOf: date("2024-06-30"), metric: metric, groupBy: groupBy)
                let report = CoverageCalculator.report(
                    query, enterprises: simulation.enterprises, appointments: simulation.appointments,
                    certificates: simulation.certificates, targets: guangdongTargets)
                #expect(report.groups.map(\.total).reduce(0, +) == report.total.total)
                #expect(report.groups.map(\.covered).reduce(0, +) == report.total.covered)
                #expect(Set(report.groups.map(\.key)).count == report.groups.count)
                for figures in report.groups + [report.total] {
                    #expect((0...figures.total).contains(figures.covered))
                    if let target = figures.target, let shortfall = figures.shortfall {
                        #expect(shortfall == max(0, target.required(of: figures.total) - figures.covered))
                    }
                }
            }
        }
    }

    @Test(arguments: simulationSeeds)
    func aReportForAPastDateNeverChangesAfterwards(seed: UInt64) {
        let asOf = date("2023-12-31")
        var simulation = RegistrySimulation(seed: seed, start: date("2023-01-01"), endDate: .newRegistrationDate)
        simulation.run(through: asOf)
        let groupings: [CoverageGrouping?] = [nil] + CoverageGrouping.allCases
        let queries = CoverageMetric.allCases.flatMap { metric in
            groupings.map { CoverageQuery(region: region("44"), asOf: asOf, metric: metric, groupBy: $0) }
        }
        func reports() -> [CoverageReport] {
            queries.map {
                CoverageCalculator.report(
                    $0, enterprises: simulation.enterprises, appointments: simulation.appointments,
                    certificates: simulation.certificates, targets: guangdongTargets)
            }
        }
        let before = reports()
        #expect(before.contains { $0.total.covered > 0 && $0.total.covered < $0.total.total })
        simulation.run(through: date("2024-12-31"))
        #expect(reports() == before)
    }

    @Test func supersedingFromTheAppointmentDateRewritesThePastBetweenAppointmentAndRegistration() throws {
        let enterprise = Enterprise.fixture()
        let old = Appointment.fixture(
            id: 1, uscc: enterprise.uscc, appointedOn: "2023-01-01", registeredOn: "2023-01-05")
        let new = Appointment.fixture(id: 2, uscc: enterprise.uscc, appointedOn: "2024-01-10")
        let query = CoverageQuery(region: region("44"), asOf: date("2024-01-20"))
        func covered(_ appointments: [Appointment]) -> Int {
            CoverageCalculator.report(query, enterprises: [enterprise], appointments: appointments, targets: []).total
                .covered
        }
        #expect(covered([old, new]) == 1)
        for (endDate, after) in [(Supersession.EndDate.newAppointmentDate, 0), (.newRegistrationDate, 1)] {
            let (registered, superseded) = try new.registerSuperseding(
                [old], registeredOn: date("2024-02-01"), today: date("2024-02-01"), by: "r", at: fixtureInstant,
                endDate: endDate)
            #expect(covered(superseded + [registered]) == after, "\(endDate)")
        }
    }
}
