import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

/// Migration 0012: Xiangshan's three targets (003 §2), the coverage trigger that watches an appointment's person,
/// and certificate triggers that find the holder's enterprises through appointment_person.
@Suite struct XiangshanTargetsTests {
    static func scope(_ population: PopulationFilter = .everyone) -> CoverageGroupScope {
        CoverageGroupScope(region: (try? RegionCode("340603")) ?? CoverageRoster.fallbackRegion, population: population)
    }

    @Test func theNoticesTargetsApplyToTheirPopulationsAndMetrics() throws {
        let database = try TemporaryDatabase.migrated()
        let targets = try database.registry.read { try $0.coverageTargets() }
            .filter { $0.regionCode.value == "340603" }
        #expect(targets.count == 5)
        func applicable(_ metric: CoverageMetric, _ population: PopulationFilter, _ asOf: String) -> CoverageTarget? {
            CoverageTarget.applicable(
                among: targets, to: Self.scope(population), metric: metric, roles: [.cqo],
                asOf: CivilDate(asOf) ?? CoverageRoster.origin)
        }
        let aboveScale = applicable(.appointment, PopulationFilter(aboveScale: true), "2020-06-30")
        #expect(aboveScale?.deadline.description == "2020-12-31")
        #expect(aboveScale?.ratio == .one)
        for size in [SizeClass.medium, .small, .micro] {
            let sme = applicable(.appointment, PopulationFilter(sizeClass: size), "2021-06-30")
            #expect(sme?.deadline.description == "2021-12-31", "\(size)")
            #expect(sme?.population.sizeClass == size)
        }
        #expect(applicable(.appointment, PopulationFilter(sizeClass: .large), "2021-06-30") == nil)
        #expect(applicable(.appointment, .everyone, "2021-06-30") == nil, "no one target contains every enterprise")
        let training = applicable(.training, .everyone, "2022-06-30")
        #expect(training?.deadline.description == "2022-12-31")
        #expect(training?.ratio == .one)
        #expect(applicable(.training, PopulationFilter(sizeClass: .small), "2023-06-30")?.id == training?.id)
    }

    /// Training coverage reads whose certificates count: a new person on an appointment is a coverage change.
    @Test func aChangeOfAnAppointmentsPersonIsACoverageChange() async throws {
        let database = try TemporaryDatabase.migrated()
        let enterprise = Enterprise.fixture(1)
        _ = try await database.registry.write { try $0.upsert([enterprise]) }
        let start = CivilDate(year: 2025, month: 1, day: 2) ?? CoverageRoster.origin
        try await database.registry.seedCoverageAppointments([
            .coverageFixture(
                id: 1, uscc: enterprise.uscc, status: .registered, appointedOn: start, registeredOn: start,
                endedOn: nil),
            .coverageFixture(
                id: 2, uscc: enterprise.uscc, status: .submitted, appointedOn: start, registeredOn: nil, endedOn: nil),
        ])
        let before = try database.registry.read { try $0.coverageDataVersion() }
        try await database.registry.pool.write {
            try $0.execute(sql: "UPDATE appointment SET person_id = 2 WHERE id = 1")
        }
        let after = try database.registry.read { try $0.coverageDataVersion() }
        #expect(after > before)
        let changed = try await database.registry.pool.read { db in
            try String.fetchAll(db, sql: "SELECT uscc FROM coverage_change WHERE version > ?", arguments: [before])
        }
        #expect(changed == [enterprise.uscc.value])
    }
}
