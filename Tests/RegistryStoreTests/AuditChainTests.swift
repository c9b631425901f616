import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

@Suite struct AuditChainTests {
    func entry(_ n: Int) -> AuditEntry {
        AuditEntry(
            at: "2025-01-0\(n)T00:00:00.000Z", actorToken: 1, actorRole: "admin", action: "enterprise.create",
            resource: "enterprise/\(n)", requestID: "req-\(n)", digest: String(repeating: "a", count: 64))
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
}
