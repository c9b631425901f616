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
