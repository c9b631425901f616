import RegistryDomain
import Testing

@Suite struct CoverageGroupingTests {
    @Test(arguments: [
        ("442000100", "44", "4420"),
        ("442000100", "4420", "442000100"),  // Zhongshan has no districts: 442000 → its towns
        ("442000", "4420", "442000"),
        ("440106001", "4401", "440106"),
        ("440106001", "44", "4401"),
        ("440106001", "440106", "440106001"),
        ("440106001123", "440106001", "440106001123"),
        ("440106", "440106", "440106"),
        ("4", "4", "4"),
        ("442000000123", "4420", "442000000123"),
        ("44", "4", "44"),
    ])
    func regionGroupsAreTheNextDivisionLevel(code: String, queried: String, key: String) {
        let enterprise = Enterprise.fixture(region: code)
        #expect(CoverageGrouping.region.key(of: enterprise, region: region(queried), population: .everyone) == key)
    }

    @Test(
        arguments: [
            ("C3857", nil, "C"),
            ("C3857", "C", "C38"),
            ("C3857", "C38", "C385"),
            ("C3857", "C385", "C3857"),
            ("C3857", "C3857", "C3857"),
            ("C38", "C", "C38"),
            ("C", nil, "C"),
        ] as [(String, String?, String)])
    func industryGroupsAreTheNextLevelBelowTheFilter(code: String, filter: String?, key: String) throws {
        let enterprise = Enterprise.fixture(industry: code)
        let population = PopulationFilter(industry: try filter.map { try IndustryCode($0) })
        #expect(CoverageGrouping.industry.key(of: enterprise, region: region("44"), population: population) == key)
    }

    @Test func enumeratedGroupingsUseWireValues() {
        let enterprise = Enterprise.fixture(sizeClass: .medium, aboveScale: false, sector: .engineering)
        let key = { (grouping: CoverageGrouping) in
            grouping.key(of: enterprise, region: region("44"), population: .everyone)
        }
        #expect(key(.sizeClass) == "medium")
        #expect(key(.aboveScale) == "false")
        #expect(key(.sector) == "engineering")
    }

    @Test(arguments: CoverageGrouping.allCases)
    func wireNamesRoundTrip(grouping: CoverageGrouping) throws {
        #expect(try CoverageGrouping.parsed(grouping.rawValue) == grouping)
    }

    @Test func groupScopeNarrowsTheQuery() throws {
        let query = CoverageQuery(
            region: region("4420"), asOf: date("2025-01-01"), groupBy: .sizeClass,
            population: PopulationFilter(manufacturing: true))
        #expect(query.scope(ofGroup: "large").population == PopulationFilter(sizeClass: .large, manufacturing: true))
        #expect(query.scope(ofGroup: nil).population == PopulationFilter(manufacturing: true))
        var byRegion = query
        byRegion.groupBy = .region
        #expect(byRegion.scope(ofGroup: "442000100").region == region("442000100"))
        var byIndustry = query
        byIndustry.groupBy = .industry
        #expect(byIndustry.scope(ofGroup: "C38").population.industry == (try IndustryCode("C38")))
    }
}
