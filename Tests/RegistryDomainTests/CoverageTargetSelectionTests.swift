import RegistryDomain
import Testing

/// The Guangdong targets of 001 §(四) (manufacturing, region 44) and Zhongshan's of 004 §2 (above-scale, 4420).
private let guangdong: [CoverageTarget] = [
    (2023, SizeClass.large, "0.6"), (2023, .medium, "0.5"), (2023, .small, "0.3"),
    (2024, .large, "0.8"), (2024, .medium, "0.6"), (2024, .small, "0.4"),
    (2025, .large, "1"), (2025, .medium, "1"), (2025, .small, "0.6"),
].enumerated().map { index, row in
    CoverageTarget.fixture(
        id: Int64(index + 1), region: "44", population: PopulationFilter(sizeClass: row.1, manufacturing: true),
        deadline: "\(row.0)-12-31", ratio: row.2)
}

private let zhongshan = CoverageTarget.fixture(
    id: 20, region: "4420", population: PopulationFilter(aboveScale: true), deadline: "2025-12-31", ratio: "1")

@Suite struct CoverageTargetSelectionTests {
    private func scope(_ region: String, _ population: PopulationFilter) -> CoverageGroupScope {
        CoverageGroupScope(region: RegistryDomainTests.region(region), population: population)
    }

    @Test(arguments: [
        ("2023-06-30", SizeClass.large, Int64(1)),
        ("2023-12-31", .large, 1),  // the deadline day itself is still "on or after"
        ("2024-01-01", .large, 4),
        ("2025-12-31", .small, 9),
        ("2026-06-30", .medium, 8),  // none ahead: the latest deadline
    ])
    func earliestDeadlineOnOrAfterTheDateApplies(asOf: String, sizeClass: SizeClass, id: Int64) {
        let chosen = CoverageTarget.applicable(
            among: guangdong, to: scope("442000100", PopulationFilter(sizeClass: sizeClass, manufacturing: true)),
            metric: .appointment, roles: [.cqo], asOf: date(asOf))
        #expect(chosen?.id == id)
    }

    @Test(arguments: [
        PopulationFilter(sizeClass: .large),  // not known to be manufacturing
        PopulationFilter(manufacturing: true),  // not known to be large
        PopulationFilter(sizeClass: .micro, manufacturing: true),  // no micro target
        PopulationFilter(sizeClass: .large, manufacturing: false),
    ])
    func filteredTargetNeedsTheGroupToBeWithinItsFilter(population: PopulationFilter) {
        let chosen = CoverageTarget.applicable(
            among: guangdong, to: scope("4420", population), metric: .appointment, roles: [.cqo],
            asOf: date("2024-06-30"))
        #expect(chosen == nil)
    }

    @Test(arguments: [
        (PopulationFilter(sizeClass: .large, industry: try! IndustryCode("C38")), true),
        (PopulationFilter(sizeClass: .large, industry: try! IndustryCode("C")), true),
        (PopulationFilter(sizeClass: .large, industry: try! IndustryCode("A01")), false),
    ])
    func anIndustryInSectionCMeansManufacturing(population: PopulationFilter, applies: Bool) {
        #expect(guangdong[3].applies(to: scope("44", population), metric: .appointment, roles: [.cqo]) == applies)
    }

    @Test func unfilteredTargetAppliesToAnyGroup() {
        let target = CoverageTarget.fixture(id: 1, region: "4420")
        for population in [PopulationFilter.everyone, .init(sizeClass: .micro), .init(manufacturing: false)] {
            #expect(target.applies(to: scope("442000100", population), metric: .appointment, roles: [.cqo]))
        }
    }

    @Test(arguments: [
        ("44", false), ("4420", true), ("442000100", true), ("4419", false),
    ])
    func targetRegionMustContainTheQueriedRegion(queried: String, applies: Bool) {
        #expect(
            zhongshan.applies(to: scope(queried, .init(aboveScale: true)), metric: .appointment, roles: [.cqo])
                == applies)
    }

    @Test func metricAndRolesMustMatch() {
        let target = CoverageTarget.fixture(id: 1, region: "44", metric: .training)
        #expect(!target.applies(to: scope("44", .everyone), metric: .appointment, roles: [.cqo]))
        #expect(target.applies(to: scope("44", .everyone), metric: .training, roles: [.cqo]))
        #expect(!target.applies(to: scope("44", .everyone), metric: .training, roles: [.cqo, .safetyDirector]))
    }

    @Test func tiesGoToTheLongestPrefixThenTheLowestID() {
        let targets = [
            CoverageTarget.fixture(id: 7, region: "44", ratio: "0.5"),
            CoverageTarget.fixture(id: 9, region: "4420", ratio: "0.7"),
            CoverageTarget.fixture(id: 8, region: "4420", ratio: "0.9"),
            CoverageTarget.fixture(id: 3, region: "442000", deadline: "2026-12-31"),
        ]
        let chosen = CoverageTarget.applicable(
            among: targets, to: scope("442000100", .everyone), metric: .appointment, roles: [.cqo],
            asOf: date("2025-01-01"))
        #expect(chosen?.id == 8)
    }

    @Test func pastDeadlinesTieOnTheLatestDeadlineToo() {
        let targets = [
            CoverageTarget.fixture(id: 1, region: "44", deadline: "2022-12-31"),
            CoverageTarget.fixture(id: 2, region: "44", deadline: "2023-12-31"),
            CoverageTarget.fixture(id: 3, region: "4420", deadline: "2023-12-31"),
        ]
        let chosen = CoverageTarget.applicable(
            among: targets, to: scope("4420", .everyone), metric: .appointment, roles: [.cqo], asOf: date("2025-01-01"))
        #expect(chosen?.id == 3)
    }
}
