import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

@Suite struct AuditChainTests {
    func entry(_ n: Int) -> AuditEntry {
        AuditEntry(
            at: "2025-01-0\(n)T00:00:00.000Z", actorToken: 1, actorRole: "admin", action: "enterprise.create",
            resource: "enterprise/\(n)", requestID: "req-\(n)", digest: String(repeating: "a", count: 64),
            regionCode: nil)
    }

    func seeded() async throws -> TemporaryDatabase {
        let database = try TemporaryDatabase.migrated()
        try await database.registry.write { writer in
            for n in 1...5 { try writer.append(entry(n)) }
        }
        return database
    }

    @Test func anUntouchedChainVerifies() async throws {
        let database = try await seeded()
        #expect(try database.registry.read { try $0.firstAuditChainBreak() } == nil)
        let entries = try database.registry.read { try $0.auditEntries(AuditQuery()) }
        #expect(entries.map(\.id) == [1, 2, 3, 4, 5])
        #expect(entries[1].previous == entries[0].hash)
    }

    @Test(arguments: [
        ("UPDATE audit_event SET action = 'enterprise.delete' WHERE id = 3", Int64(3)),
        ("DELETE FROM audit_event WHERE id = 2", Int64(2)),
        ("UPDATE audit_event SET request_id = 'forged' WHERE id = 5", Int64(5)),
    ])
    func tamperingIsReportedAtTheFirstBrokenLink(statement: String, brokenAt: Int64) async throws {
        let database = try await seeded()
        try await database.registry.pool.write { try $0.execute(sql: statement) }
        let broken = try database.registry.read { try $0.firstAuditChainBreak() }
        #expect(broken?.entryID == brokenAt)
    }

    @Test func filtersSelectByActionResourceAndTime() async throws {
        let database = try await seeded()
        var query = AuditQuery()
        query.resource = "enterprise/3"
        #expect(try database.registry.read { try $0.auditEntries(query) }.map(\.id) == [3])
        query = AuditQuery()
        query.from = "2025-01-02"
        query.to = "2025-01-04"
        #expect(try database.registry.read { try $0.auditEntries(query) }.map(\.id) == [2, 3])
    }

    // MARK: - Regions (migration 0007)

    /// Entries 1, 3 and 5 concern a region, 2 and 4 none (as entries written before migration 0007 do).
    func seededWithRegions() async throws -> TemporaryDatabase {
        let database = try TemporaryDatabase.migrated()
        let regions = ["442000100001", nil, "440300100001", nil, "4420"]
        try await database.registry.write { writer in
            for (index, region) in regions.enumerated() {
                var entry = entry(index + 1)
                entry.regionCode = region.map(RegionCode.init(stored:))
                try writer.append(entry)
            }
        }
        return database
    }

    @Test func entriesWithAndWithoutARegionVerify() async throws {
        let database = try await seededWithRegions()
        #expect(try database.registry.read { try $0.firstAuditChainBreak() } == nil)
        let entries = try database.registry.read { try $0.auditEntries(AuditQuery()) }
        #expect(entries.map(\.regionCode?.value) == ["442000100001", nil, "440300100001", nil, "4420"])
    }

    /// An entry without a region hashes exactly as it did before regions were recorded (the digest below is the
    /// one the chain gave this entry then), so old chains still verify; a region is hashed as a further field.
    @Test func anEntryWithoutARegionKeepsTheHashItHadBeforeRegions() {
        var entry = entry(1)
        entry.id = 1
        #expect(
            AuditChain.hash(of: entry, previous: AuditChain.genesis)
                == "ee1b44aca26591320e7b8f2154deb8105f8ed4a1da1512db0c19ee791190f266")
        entry.regionCode = RegionCode(stored: "4420")
        #expect(
            AuditChain.hash(of: entry, previous: AuditChain.genesis)
                == "78dd2200eef46017521b31c34100fc8e8404a5eebd5c4bf30aa3ac8db85e9c16")
    }

    @Test(arguments: [
        ("UPDATE audit_event SET region_code = '4403' WHERE id = 3", Int64(3)),
        ("UPDATE audit_event SET region_code = NULL WHERE id = 1", Int64(1)),
        ("UPDATE audit_event SET region_code = '4420' WHERE id = 4", Int64(4)),
    ])
    func alteringAStoredRegionBreaksTheChainAtThatEntry(statement: String, brokenAt: Int64) async throws {
        let database = try await seededWithRegions()
        try await database.registry.pool.write { try $0.execute(sql: statement) }
        let broken = try database.registry.read { try $0.firstAuditChainBreak() }
        #expect(broken?.entryID == brokenAt)
    }

    /// The region is hashed only when present, so moving it behind the separator into the digest (and setting it
    /// NULL) keeps the joined text, and the hash, the same. Verification refuses any field holding the separator.
    @Test(arguments: [
        ("UPDATE audit_event SET digest = digest || char(31) || region_code, region_code = NULL WHERE id = 3", Int64(3))
    ])
    func aRegionMovedIntoTheDigestIsABreak(statement: String, brokenAt: Int64) async throws {
        let database = try await seededWithRegions()
        try await database.registry.pool.write { try $0.execute(sql: statement) }
        let broken = try database.registry.read { try $0.firstAuditChainBreak() }
        #expect(broken?.entryID == brokenAt)
    }

    @Test func aRegionScopeListsEntriesWithinItsPrefixesAndThoseWithoutARegionOnlyWhenAsked() async throws {
        let database = try await seededWithRegions()
        func ids(_ prefixes: [String], withoutRegion: Bool = false, after: Int64? = nil, limit: Int = 50) throws
            -> [Int64]
        {
            var query = AuditQuery()
            query.regionPrefixes = prefixes.map(RegionCode.init(stored:))
            query.includesEntriesWithoutRegion = withoutRegion
            query.afterID = after
            query.limit = limit
            return try database.registry.read { try $0.auditEntries(query) }.map(\.id)
        }
        #expect(try ids(["4420"]) == [1, 5])
        #expect(try ids(["442000"]) == [1], "a region shorter than the prefix is not within it")
        #expect(try ids(["4403"]) == [3])
        #expect(try ids(["44"]) == [1, 3, 5])
        #expect(try ids(["44"], withoutRegion: true) == [1, 2, 3, 4, 5])
        #expect(try ids(["4420", "4403"]) == [1, 3, 5])
        #expect(try ids(["45"], withoutRegion: true) == [2, 4])
        #expect(try ids([]) == [], "no prefix reaches nothing")
        #expect(try ids(["44"], withoutRegion: true, after: 2, limit: 2) == [3, 4])
        var query = AuditQuery()
        query.regionPrefixes = [RegionCode(stored: "4420")]
        query.resource = "enterprise/5"
        #expect(try database.registry.read { try $0.auditEntries(query) }.map(\.id) == [5])
    }
}
