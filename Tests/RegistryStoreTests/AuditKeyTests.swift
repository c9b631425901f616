import Foundation
import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

/// The keyed audit chain (migration 0011): HMAC-SHA256 under a key file kept outside the database.
@Suite struct AuditKeyTests {
    func entry(_ n: Int) -> AuditEntry {
        AuditEntry(
            at: "2025-01-0\(n)T00:00:00.000Z", actorToken: 1, actorRole: "admin", action: "enterprise.create",
            resource: "enterprise/\(n)", requestID: "req-\(n)", digest: String(repeating: "a", count: 64),
            regionCode: n.isMultiple(of: 2) ? RegionCode(stored: "4420") : nil)
    }

    func seeded(_ count: Int = 5) async throws -> TemporaryDatabase {
        let database = try TemporaryDatabase.migrated()
        try await database.registry.write { writer in
            for n in 1...count { try writer.append(entry(n)) }
        }
        return database
    }

    func reopenFails(_ database: TemporaryDatabase, creating: Bool = false, with expected: AuditKeyError) {
        var configuration = TemporaryDatabase.testConfiguration
        configuration.createsAuditKey = creating
        #expect(throws: expected) { _ = try database.reopened(configuration: configuration) }
    }

    @Test func theFirstOpenCreatesA32ByteKeyReadableOnlyByItsOwner() throws {
        let database = try TemporaryDatabase.migrated()
        let attributes = try FileManager.default.attributesOfItem(atPath: database.auditKeyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == AuditKey.byteCount)
        let check = try database.registry.pool.read {
            try String.fetchOne($0, sql: "SELECT key_check FROM audit_chain_key")
        }
        #expect(check?.count == 64)
    }

    @Test func newEntriesCarryTheKeyedHashAndVerify() async throws {
        let database = try await seeded()
        #expect(try database.registry.read { try $0.firstAuditChainBreak() } == nil)
        let entries = try database.registry.read { try $0.auditEntries(AuditQuery()) }
        #expect(entries[0].hash != AuditChain.hash(of: entries[0], previous: AuditChain.genesis))
        let reopened = try database.reopened()
        #expect(try reopened.read { try $0.firstAuditChainBreak() } == nil)
        try reopened.close()
    }

    /// Whoever can write the database but not read the key alters an entry and recomputes every hash with plain
    /// SHA-256, as the chain was before: verification refuses the plain hash where the keyed chain begins.
    @Test func aChainRecomputedWithPlainSHA256DoesNotVerify() async throws {
        let database = try await seeded()
        try await database.registry.pool.write { db in
            try db.execute(sql: "UPDATE audit_event SET action = 'enterprise.delete' WHERE id = 3")
            var previous = AuditChain.genesis
            for entry in try AuditEntryRow.fetchAll(db, sql: "SELECT * FROM audit_event ORDER BY id").map(\.entry) {
                let hash = AuditChain.hash(of: entry, previous: previous)
                try db.execute(
                    sql: "UPDATE audit_event SET previous = ?, hash = ? WHERE id = ?",
                    arguments: [previous, hash, entry.id])
                previous = hash
            }
        }
        let broken = try database.registry.read { try $0.firstAuditChainBreak() }
        #expect(broken?.entryID == 1)
        #expect(broken?.reason.contains("plain SHA-256") == true)
    }

    /// Moving the keyed boundary past the end (so plain hashes would be accepted again) no longer matches the key
    /// record: the registry refuses to open, and an open one reports the break.
    @Test func movingWhereKeyedHashingBeginsIsRefused() async throws {
        let database = try await seeded()
        try await database.registry.pool.write { try $0.execute(sql: "UPDATE audit_chain_key SET keyed_from = 100") }
        #expect(try database.registry.read { try $0.firstAuditChainBreak() }?.entryID == 100)
        reopenFails(database, with: .mismatch(path: database.auditKeyPath))
    }

    @Test func aMissingKeyFileIsReportedAndNeverReplaced() async throws {
        let database = try await seeded()
        try FileManager.default.removeItem(atPath: database.auditKeyPath)
        reopenFails(database, with: .missing(path: database.auditKeyPath))
        reopenFails(database, creating: true, with: .missing(path: database.auditKeyPath))
        #expect(!FileManager.default.fileExists(atPath: database.auditKeyPath))
    }

    @Test func aWrongOrMalformedKeyFileIsReported() async throws {
        let database = try await seeded()
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: database.auditKeyPath))
        reopenFails(database, with: .mismatch(path: database.auditKeyPath))
        try Data(repeating: 7, count: 31).write(to: URL(fileURLWithPath: database.auditKeyPath))
        reopenFails(database, with: .malformed(path: database.auditKeyPath))
    }

    @Test func aKeyFileTheDatabaseDoesNotRecordIsReported() async throws {
        let database = try await seeded()
        try await database.registry.pool.write { try $0.execute(sql: "UPDATE audit_chain_key SET key_check = NULL") }
        reopenFails(database, with: .unrecorded(path: database.auditKeyPath))
        try await database.registry.pool.write { try $0.execute(sql: "DELETE FROM audit_chain_key") }
        reopenFails(database, with: .recordMissing)
    }

    @Test func appendingWithoutAKeyFails() async throws {
        let database = try await seeded()
        let unkeyed = try SQLiteRegistry(path: database.path)
        await #expect(throws: AuditKeyError.notGiven) {
            try await unkeyed.write { [entry = entry(6)] writer in try writer.append(entry) }
        }
        #expect(try unkeyed.read { try $0.firstAuditChainBreak() }?.reason.contains("no audit key") == true)
        try unkeyed.close()
    }

    /// Migration 0011 keeps an existing chain: entries before it keep their plain SHA-256 and verify, entries
    /// after it are keyed, and a plain-hash entry after the boundary is refused.
    @Test func migration0011KeepsAnExistingChainAndKeysTheRest() async throws {
        let database = try MigrationTests.migrated(upTo: "0010_create_region.sql")
        try await database.registry.pool.write { db in
            var previous = AuditChain.genesis
            for n in 1...3 {
                var plain = entry(n)
                plain.id = Int64(n)
                let hash = AuditChain.hash(of: plain, previous: previous)
                try db.execute(
                    sql: """
                        INSERT INTO audit_event (\(AuditEntryRow.selection)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        plain.id, plain.at, plain.actorToken, plain.actorRole, plain.action, plain.resource,
                        plain.requestID, plain.digest, previous, hash, plain.regionCode?.value,
                    ])
                previous = hash
            }
        }
        try database.registry.close()
        let migrated = try database.reopened()
        let keyedFrom = try await migrated.pool.read {
            try Int64.fetchOne($0, sql: "SELECT keyed_from FROM audit_chain_key")
        }
        #expect(keyedFrom == 4)
        try await migrated.write { [entry = entry(4)] writer in try writer.append(entry) }
        #expect(try migrated.read { try $0.firstAuditChainBreak() } == nil)
        #expect(try migrated.read { try $0.auditHead() }?.entryCount == 4)

        let plainAfterBoundary = try migrated.read { try $0.auditEntries(AuditQuery()) }[3]
        try await migrated.pool.write { db in
            try db.execute(
                sql: "UPDATE audit_event SET hash = ? WHERE id = 4",
                arguments: [AuditChain.hash(of: plainAfterBoundary, previous: plainAfterBoundary.previous)])
        }
        let broken = try migrated.read { try $0.firstAuditChainBreak() }
        #expect(broken?.entryID == 4)
        #expect(broken?.reason.contains("plain SHA-256") == true)
        try migrated.close()
    }

    @Test func theHeadIsTheLastEntrysHashAndTheEntryCount() async throws {
        let database = try await seeded()
        let entries = try database.registry.read { try $0.auditEntries(AuditQuery()) }
        let head = try database.registry.read { try $0.auditHead() }
        #expect(head == AuditHead(hash: entries[4].hash, entryCount: 5))
        #expect(head?.anchor == "\(entries[4].hash):5")
        #expect(try database.registry.read { try $0.auditEntryID(hash: entries[2].hash) } == 3)
        let empty = try TemporaryDatabase.migrated()
        #expect(try empty.registry.read { try $0.auditHead() } == nil)
    }
}
