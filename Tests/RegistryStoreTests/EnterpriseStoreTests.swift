import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

@Suite struct EnterpriseStoreTests {
    let today = CivilDate(year: 2025, month: 6, day: 30) ?? CivilDate(daysSinceEpoch: 0)

    @Test func anInsertedEnterpriseReadsBackUnchanged() async throws {
        let database = try TemporaryDatabase.migrated()
        var enterprise = Enterprise.fixture(1, sizeClass: .large, aboveScale: true)
        enterprise.employees = 1200
        enterprise.revenueCNY = 450_000_000
        try await database.registry.write { [enterprise] in try $0.insert(enterprise) }
        let record = try database.registry.read { try $0.enterprise(enterprise.uscc, on: today) }
        #expect(record == EnterpriseRecord(enterprise: enterprise, covered: false))
    }

    @Test func aSecondEnterpriseWithTheSameUSCCIsADuplicate() async throws {
        let database = try TemporaryDatabase.migrated()
        try await database.registry.write { try $0.insert(.fixture(1)) }
        await #expect(throws: StoreError.self) { try await database.registry.write { try $0.insert(.fixture(1)) } }
    }

    @Test func aFailedWriteLeavesNothingBehind() async throws {
        struct Abort: Error {}
        let database = try TemporaryDatabase.migrated()
        await #expect(throws: Abort.self) {
            try await database.registry.write { writer in
                try writer.insert(.fixture(1))
                try writer.insert(.fixture(2))
                throw Abort()
            }
        }
        let all = try database.registry.read { try $0.enterprises(EnterpriseQuery(day: today)) }
        #expect(all.isEmpty)
    }

    @Test func anUpsertBatchThatBreaksARuleWritesNothing() async throws {
        let database = try TemporaryDatabase.migrated()
        var bad = Enterprise.fixture(3)
        bad.employees = -1  // the CHECK refuses it
        let batch = [Enterprise.fixture(1), .fixture(2), bad]
        await #expect(throws: (any Error).self) { _ = try await database.registry.write { try $0.upsert(batch) } }
        #expect(try database.registry.read { try $0.enterprises(EnterpriseQuery(day: today)) }.isEmpty)
    }

    @Test func upsertCountsNewEnterprisesAndReplacesExistingOnes() async throws {
        let database = try TemporaryDatabase.migrated()
        let first = try await database.registry.write { try $0.upsert([.fixture(1), .fixture(2)]) }
        var renamed = Enterprise.fixture(2)
        renamed.name = "改名后的公司"
        let second = try await database.registry.write { [renamed] in try $0.upsert([renamed, .fixture(3)]) }
        #expect(first == 2)
        #expect(second == 1)
        #expect(try database.registry.read { try $0.enterprise(renamed.uscc, on: today) }?.enterprise.name == "改名后的公司")
    }

    @Test func regionPrefixesFiltersAndKeysetPagesWork() async throws {
        let database = try TemporaryDatabase.migrated()
        let roster: [Enterprise] = (1...30).map { serial in
            .fixture(
                serial, region: serial % 3 == 0 ? "440300100001" : "442000100001",
                sizeClass: serial % 2 == 0 ? .medium : .small, industry: serial % 5 == 0 ? "F5174" : "C3857",
                sector: serial % 5 == 0 ? .service : .product)
        }
        _ = try await database.registry.write { try $0.upsert(roster) }
        var query = EnterpriseQuery(day: today)
        query.regionPrefixes = [try RegionCode("4420")]
        #expect(try database.registry.read { try $0.enterprises(query) }.count == 20)
        query.regionPrefixes.append(try RegionCode("44200010"))
        query.sizeClass = .medium
        query.manufacturing = true
        let narrowed = try database.registry.read { try $0.enterprises(query) }
        let expected = roster.filter {
            $0.regionCode.value.hasPrefix("4420") && $0.sizeClass == .medium && $0.industryCode.isManufacturing
        }
        #expect(Set(narrowed.map(\.enterprise.uscc)) == Set(expected.map(\.uscc)))

        var paged = EnterpriseQuery(day: today)
        paged.limit = 7
        var seen: [USCC] = []
        while true {
            let page = try database.registry.read { try $0.enterprises(paged) }
            seen += page.map(\.enterprise.uscc)
            guard page.count == paged.limit, let last = page.last else { break }
            paged.after = last.enterprise.uscc.value
        }
        #expect(seen == roster.map(\.uscc).sorted())
    }

    @Test func nameSearchTreatsWildcardsLiterally() async throws {
        let database = try TemporaryDatabase.migrated()
        _ = try await database.registry.write {
            try $0.upsert([.fixture(1, name: "百分之百_有限公司"), .fixture(2, name: "中山精密电子")])
        }
        var query = EnterpriseQuery(day: today)
        query.text = "_"
        #expect(try database.registry.read { try $0.enterprises(query) }.map(\.enterprise.name) == ["百分之百_有限公司"])
        query.text = "精密"
        #expect(try database.registry.read { try $0.enterprises(query) }.count == 1)
        query.text = "%"
        #expect(try database.registry.read { try $0.enterprises(query) }.isEmpty)
    }

    @Test func coveredFollowsRegisteredTermsNotTodaysStatus() async throws {
        let database = try TemporaryDatabase.migrated()
        let enterprise = Enterprise.fixture(1)
        try await database.registry.write { try $0.insert(enterprise) }
        try await database.registry.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO person (id, id_number, name, phone) VALUES (1, '11010519491231002X', '张三', '13800138000')"
            )
            try db.execute(
                sql: """
                    INSERT INTO appointment (uscc, person_id, role, status, position, is_principal, appointed_on, registered_on, ended_on)
                    VALUES (?, 1, 'cqo', 'dismissed', '质量副总', 0, '2023-01-01', '2023-02-01', '2024-06-01')
                    """, arguments: [enterprise.uscc.value])
        }
        func covered(_ day: String) throws -> Bool? {
            try database.registry.read { try $0.enterprise(enterprise.uscc, on: CivilDate(day) ?? today) }?.covered
        }
        #expect(try covered("2023-01-31") == false)  // appointed, not yet registered
        #expect(try covered("2023-02-01") == true)
        #expect(try covered("2024-05-31") == true)  // dismissed today, but covered then
        #expect(try covered("2024-06-01") == false)  // the term ends on ended_on
    }
}

@Suite struct WorklistStoreTests {
    @Test func coveredFiltersAskOnlyAboutTheCoveragePopulationOfTheDay() async throws {
        let database = try TemporaryDatabase.migrated()
        let day = CivilDate(year: 2025, month: 6, day: 30) ?? CivilDate(daysSinceEpoch: 0)
        let roster: [Enterprise] = [
            .fixture(1),  // on the roster, uncovered: on the worklist
            .fixture(2, deregisteredOn: "2025-01-01"),  // left the population before the day
            .fixture(3, registeredOn: "2025-07-15"),  // joins after the day
            .fixture(4, deregisteredOn: "2025-06-30"),  // leaves on the day itself
        ]
        _ = try await database.registry.write { try $0.upsert(roster) }
        var query = EnterpriseQuery(day: day)
        query.covered = false
        let worklist = try database.registry.read { try $0.enterprises(query) }.map(\.enterprise.uscc)
        #expect(worklist == [USCC.fixture(1)])
        query.covered = nil
        #expect(try database.registry.read { try $0.enterprises(query) }.count == 4)
    }
}
