import Foundation
import GRDB
import RegistryDomain

/// Online backup and restore of the registry's SQLite file (SQLite's backup API through GRDB).
///
/// A backup copies every page in one step from one read transaction, so the copy is exactly one committed state
/// of the database however many writes the running server makes meanwhile (WAL readers never block writers). It is
/// written beside its destination and renamed into place only after `PRAGMA integrity_check` passed on it, so a
/// failed or interrupted backup never leaves a half-written file under the destination's name.
package enum RegistryBackup {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// What a backup or restore copied.
    package struct Summary: Sendable {
        package var bytes: Int64
        package var migrations: Int
        package var dataVersion: Int64
    }

    /// Copies the database at `source` (which a server may be using) to a new file at `destination`.
    /// - Throws: `Failure` when `destination` exists, or the copy fails its integrity check.
    package static func backup(from source: String, to destination: String) throws -> Summary {
        let files = FileManager.default
        guard !files.fileExists(atPath: destination) else {
            throw Failure(description: "\(destination) exists already; a backup never overwrites a file")
        }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: source, configuration: configuration)
        defer { try? pool.close() }
        let partial = destination + ".partial-\(getpid())"
        try? files.removeItem(atPath: partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            try pool.backup(to: copy)
            // The copy stands alone: one file, no WAL beside it.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let summary = try check(copy, path: partial)
            try copy.close()
            try files.moveItem(atPath: partial, toPath: destination)
            return summary
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
    }

    /// Replaces the database at `destination` with the backup at `source`, after checking the backup's integrity
    /// and that its migrations are ones this binary knows (so a restored file never stops start-up). Stop the
    /// server using `destination` first.
    package static func restore(from source: String, to destination: String) throws -> Summary {
        var readOnly = GRDB.Configuration()
        readOnly.readonly = true
        let backup = try DatabaseQueue(path: source, configuration: readOnly)
        defer { try? backup.close() }
        let summary = try check(backup, path: source)
        try backup.read { db in try RegistryMigrations.verifyChecksums(db) }
        let target = try DatabasePool(path: destination)
        defer { try? target.close() }
        try backup.backup(to: target)
        return summary
    }

    /// `PRAGMA integrity_check` on `database`, and what it holds.
    static func check(_ database: some DatabaseReader, path: String) throws -> Summary {
        try database.read { db in
            let verdict = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard verdict == ["ok"] else {
                throw Failure(
                    description: "\(path) fails its integrity check: \(verdict.prefix(3).joined(separator: "; "))")
            }
            let migrations = try Int.fetchOne(db, sql: "SELECT count(*) FROM migration_checksum") ?? 0
            let version = try Int64.fetchOne(db, sql: "SELECT version FROM coverage_version WHERE id = 1") ?? 0
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return Summary(bytes: pages * size, migrations: migrations, dataVersion: version)
        }
    }
}
