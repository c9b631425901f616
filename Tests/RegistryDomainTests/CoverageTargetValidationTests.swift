import RegistryDomain
import Testing

@Suite struct CoverageTargetValidationTests {
    @Test func fullDraftBecomesTarget() throws {
        let draft = CoverageTarget.Draft(
            regionCode: "44", metric: "appointment", roles: ["cqo", "safety_director", "cqo"], sizeClass: "large",
            aboveScale: nil, manufacturing: true, deadline: "2025-12-31", ratio: "1")
        let target = try CoverageTarget.validated(draft, id: 5)
        #expect(target.id == 5)
        #expect(target.regionCode == region("44"))
        #expect(target.roles == [.cqo, .safetyDirector])
        #expect(target.population == PopulationFilter(sizeClass: .large, manufacturing: true))
        #expect(target.ratio == .one)
    }

    @Test func metricAndRolesHaveDefaults() throws {
        let target = try CoverageTarget.validated(
            .init(regionCode: "4420", deadline: "2025-12-31", ratio: "0.6"), id: 1)
        #expect(target.metric == .appointment)
        #expect(target.roles == [.cqo])
        #expect(target.population == .everyone)
    }

    @Test func everyViolationIsReported() throws {
        let draft = CoverageTarget.Draft(
            regionCode: "44x", metric: "headcount", roles: ["cqo", "boss"], sizeClass: "huge", deadline: "2025-13-01",
            ratio: "1.5")
        let failure = try #require(throws: ValidationFailure.self) { try CoverageTarget.validated(draft, id: 1) }
        #expect(
            failure.violations.map(\.field) == [
                "region_code", "metric", "roles[1]", "population.size_class", "deadline", "ratio",
            ])
        #expect(failure.violations.map(\.code) == ["format", "unknown", "unknown", "unknown", "format", "range"])
    }

    @Test func missingAndEmptyFieldsAreNamed() throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try CoverageTarget.validated(.init(roles: []), id: 1)
        }
        #expect(failure.violations.map(\.field) == ["region_code", "roles", "deadline", "ratio"])
        #expect(failure.violations.map(\.code) == ["required", "length", "required", "required"])
    }
}
