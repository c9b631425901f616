import Foundation
import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

@Suite struct MigrationTests {
    @Test func everyFileOfTheMigrationsFolderIsEmbeddedInOrder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Migrations").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(!files.isEmpty)
        #expect(EmbeddedMigrations.all.map(\.name) == files)
        for (index, name) in files.enumerated() {
            #expect(
                name.hasPrefix(String(format: "%04d_", index + 1)), "migrations are numbered 0001, 0002, … without gaps"
            )
        }
    }

    @Test func migrationsApplyOnceAndReopeningChangesNothing() throws {
        let database = try TemporaryDatabase.migrated()
        #expect(database.registry.isReady())
        let count = try database.registry.pool.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM migration_checksum")
        }
        #expect(count == EmbeddedMigrations.all.count)
        let again = try SQLiteRegistry(path: database.path)
        let after = try again.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM migration_checksum") }
        #expect(after == count)
        try again.close()
    }

    @Test func anAppliedMigrationWhoseTextChangedStopsStartUp() throws {
        let database = try TemporaryDatabase.migrated()
        try database.registry.pool.write {
            try $0.execute(
                sql: "UPDATE migration_checksum SET sha256 = 'deadbeef' WHERE name = '0001_create_enterprise.sql'")
        }
        #expect {
            _ = try SQLiteRegistry(path: database.path)
        } throws: { error in
            guard case StoreError.migrationMismatch(let message)? = error as? StoreError else { return false }
            return message.contains("0001_create_enterprise.sql") && message.contains("changed")
        }
    }

    @Test func aMigrationUnknownToThisBuildStopsStartUp() throws {
        let database = try TemporaryDatabase.migrated()
        try database.registry.pool.write {
            try $0.execute(sql: "INSERT INTO migration_checksum VALUES ('9999_from_the_future.sql', 'x')")
        }
        #expect(throws: StoreError.self) { _ = try SQLiteRegistry(path: database.path) }
    }

    /// Migration 0006 copies each existing appointment's person details onto it; from then on they are the
    /// appointment's own (a later change to the shared person row does not show through).
    /// A database migrated up to and including `last` only, as an older build left it.
    static func migrated(upTo last: String) throws -> TemporaryDatabase {
        var configuration = TemporaryDatabase.testConfiguration
        configuration.migrate = false
        let database = try TemporaryDatabase(configuration: configuration)
        try database.registry.pool.write { db in
            try db.execute(
                sql: "CREATE TABLE IF NOT EXISTS migration_checksum (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL)")
        }
        try RegistryMigrations.migrator().migrate(database.registry.pool, upTo: last)
        return database
    }

    @Test func migration0006KeepsExistingFilingsDetailsOnTheirAppointments() throws {
        let database = try Self.migrated(upTo: "0005_create_coverage_target.sql")
        let enterprise = Enterprise.fixture(1)
        _ = try database.registry.pool.write { db in try SQLiteAccess(db: db).upsert([enterprise]) }
        try database.registry.pool.write { db in
            try db.execute(
                sql: "INSERT INTO person (id, id_number, name, phone) VALUES (1, ?, '张三明', '13812345678')",
                arguments: [ResidentIDNumber.fixture(1)])
            try db.execute(
                sql: """
                    INSERT INTO appointment (id, uscc, person_id, role, status, position, is_principal, appointed_on)
                    VALUES (1, ?, 1, 'cqo', 'submitted', '质量副总经理', 0, '2025-03-01')
                    """,
                arguments: [enterprise.uscc.value])
        }
        try database.registry.close()

        let migrated = try SQLiteRegistry(path: database.path)
        try migrated.pool.write { try $0.execute(sql: "UPDATE person SET name = '改过的', phone = '13900000000'") }
        let person = try migrated.read { try $0.appointment(id: 1) }?.appointment.filing.person
        #expect(person?.name == "张三明")
        #expect(person?.phone.value == "13812345678")
        try migrated.close()
    }

    /// Migration 0007 adds a region to audit entries: entries written before it have none and still verify, and
    /// the chain goes on from them with entries that have one.
    @Test func migration0007KeepsAnExistingAuditChainWhole() async throws {
        let database = try Self.migrated(upTo: "0006_appointment_person_details.sql")
        // The row exactly as the code before migration 0007 wrote it (its hash is that code's).
        try await database.registry.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_event (id, at, actor_token, actor_role, action, resource, request_id, digest,
                                             previous, hash)
                    VALUES (1, '2025-01-01T00:00:00.000Z', 1, 'admin', 'enterprise.create', 'enterprise/1', 'req-1',
                            ?, ?, 'ee1b44aca26591320e7b8f2154deb8105f8ed4a1da1512db0c19ee791190f266')
                    """,
                arguments: [String(repeating: "a", count: 64), String(repeating: "0", count: 64)])
        }
        try database.registry.close()

        let migrated = try database.reopened()
        try await migrated.write { writer in
            try writer.append(
                AuditEntry(
                    at: "2025-01-02T00:00:00.000Z", actorToken: 1, actorRole: "admin", action: "enterprise.update",
                    resource: "enterprise/1", requestID: "req-2", digest: String(repeating: "b", count: 64),
                    regionCode: RegionCode(stored: "442000100001")))
        }
        let entries = try migrated.read { try $0.auditEntries(AuditQuery()) }
        #expect(entries.map(\.regionCode?.value) == [nil, "442000100001"])
        #expect(try migrated.read { try $0.firstAuditChainBreak() } == nil)
        try migrated.close()
    }

    @Test func connectionsUseFullSynchronousModeWALAndForeignKeys() throws {
        let database = try TemporaryDatabase(configuration: .init())
        let (synchronous, journal, foreignKeys) = try database.registry.pool.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(synchronous == 2)  // FULL
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
    }
}
