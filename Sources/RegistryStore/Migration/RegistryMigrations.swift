import CryptoSupport
import GRDB
import RegistryDomain

/// Applies `Migrations/NNNN_name.sql` (embedded in the binary at build time) in order, once each, each in its
/// own transaction, and records each file's SHA-256. An applied file whose text has changed stops start-up.
enum RegistryMigrations {
    /// The embedded migrations, in application order, with their checksums.
    static var files: [(name: String, sql: String, checksum: String)] {
        EmbeddedMigrations.all.map { ($0.name, $0.sql, SHA256.hex($0.sql)) }
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in files {
            migrator.registerMigration(file.name) { db in
                try db.execute(sql: file.sql)
                try db.execute(
                    sql: "INSERT INTO migration_checksum (name, sha256) VALUES (?, ?)",
                    arguments: [file.name, file.checksum])
            }
        }
        return migrator
    }

    /// Verifies recorded checksums, then applies what is pending.
    /// - Throws: `StoreError.migrationMismatch` naming the first changed or unknown file.
    static func apply(to writer: some DatabaseWriter) throws {
        try writer.write { db in
            try db.execute(
                sql: "CREATE TABLE IF NOT EXISTS migration_checksum (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL)")
            try verifyChecksums(db)
        }
        try migrator().migrate(writer)
    }

    static func verifyChecksums(_ db: Database) throws {
        let known = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.checksum) })
        let recorded = try Row.fetchAll(db, sql: "SELECT name, sha256 FROM migration_checksum ORDER BY name")
        for row in recorded {
            let name: String = try row.decode(atIndex: 0)
            let checksum: String = try row.decode(atIndex: 1)
            guard let expected = known[name] else {
                throw StoreError.migrationMismatch(
                    "the database has migration \(name), which this build does not know: it was made by a newer version"
                )
            }
            guard expected == checksum else {
                throw StoreError.migrationMismatch(
                    "migration \(name) was changed after it was applied (recorded SHA-256 \(checksum), now \(expected)); "
                        + "migrations are forward-only: add a new file instead")
            }
        }
    }

    /// True when every embedded migration is applied.
    static func areComplete(_ db: Database) throws -> Bool {
        try migrator().hasCompletedMigrations(db)
    }
}
