import GRDB
import GRDBSQLite
import RegistryDomain

/// The registry stored in one SQLite file through GRDB's `DatabasePool`: WAL, one writer, concurrent readers.
///
/// Opening migrates the file (creating it if need be). Every connection runs with foreign keys on, a busy
/// timeout, and `synchronous = FULL`, so that no acknowledged write is lost even on power failure.
///
/// ```swift
/// let registry = try SQLiteRegistry(path: "cqo-registry.sqlite")
/// let record = try registry.read { try $0.enterprise(uscc, on: today) }
/// ```
package final class SQLiteRegistry: RegistryStorage {
    package struct Configuration: Sendable {
        /// How long a connection waits for a lock before failing with `StoreError.busy`. The default is 5 s.
        package var busyTimeoutSeconds: Double = 5
        /// Concurrent readers. The default is 4.
        package var maximumReaderCount = 4
        /// `PRAGMA synchronous`. The default is `FULL`: a commit survives power loss.
        package var synchronous = "FULL"
        /// Apply pending migrations when opening. The default is true; `readyz` checks they are all applied.
        package var migrate = true
        /// Where full rebuilds of the coverage index run once it has a first version (a server passes a Dispatch
        /// queue, so no request waits the seconds a million enterprises take). Nil: in the asking reader.
        package var coverageRebuildRunner: CoverageIndex.Runner? = nil
        /// Above this many changed enterprises the coverage index is rebuilt rather than patched. The default is
        /// 20,000.
        package var coverageRebuildThreshold = 20_000
        /// The audit key file (`--audit-key`), read or created when opening (see `AuditKeyring`). Nil: no key, so
        /// appending an audit entry fails and only entries written before the chain was keyed verify. The default
        /// is nil.
        package var auditKeyPath: String? = nil
        /// Whether a missing key file is created when the chain was never keyed. The default is true;
        /// `audit verify` passes false.
        package var createsAuditKey = true
        package init() {}
    }

    package let pool: DatabasePool
    /// Coverage answers' in-memory index, kept in step with the database by `coverage_version`.
    package let coverageIndex: CoverageIndex
    /// The audit chain's key, when a path was configured.
    let auditKey: AuditKey?

    /// Opens (and by default migrates) the database at `path`.
    /// - Throws: `StoreError.migrationMismatch` when an applied migration's text changed; `AuditKeyError` when the
    ///   audit key is missing, wrong or unrecorded; GRDB errors when the file cannot be opened.
    package init(path: String, configuration: Configuration = .init()) throws {
        var config = GRDB.Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(configuration.busyTimeoutSeconds)
        config.maximumReaderCount = configuration.maximumReaderCount
        config.label = "cqo-registry"
        let synchronous = configuration.synchronous
        let busyMilliseconds = Int32(configuration.busyTimeoutSeconds * 1000)
        config.prepareDatabase { db in
            // GRDB gives a pool's readers a fixed 10 s busy timeout of their own; a reader waits as long as the
            // writer, so a locked database answers 503 after `busyTimeoutSeconds` whoever asked. First, since the
            // first statement reads the schema and may meet the lock.
            sqlite3_busy_timeout(db.sqliteConnection, busyMilliseconds)
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        pool = try DatabasePool(path: path, configuration: config)
        coverageIndex = CoverageIndex(rebuildThreshold: configuration.coverageRebuildThreshold)
        if configuration.migrate {
            try RegistryMigrations.apply(to: pool)
        }
        if let keyPath = configuration.auditKeyPath {
            auditKey = try AuditKeyring.open(path: keyPath, creating: configuration.createsAuditKey, in: pool)
        } else {
            auditKey = nil
        }
        if let runner = configuration.coverageRebuildRunner {
            coverageIndex.rebuildElsewhere(runner) { [pool, weak coverageIndex] in
                try pool.read { db in try coverageIndex?.rebuildNow(db) }
            }
        }
    }

    package func read<T>(_ work: (any RegistryReader) throws -> T) throws -> T {
        try StoreError.translating {
            try pool.read { db in try work(SQLiteAccess(db: db, coverageIndex: coverageIndex, auditKey: auditKey)) }
        }
    }

    package func readOneStatement<T>(_ work: (any RegistryReader) throws -> T) throws -> T {
        try StoreError.translating {
            try pool.unsafeRead { db in try work(SQLiteAccess(db: db, auditKey: auditKey)) }
        }
    }

    package func snapshot() throws -> any RegistrySnapshot {
        try StoreError.translating {
            SQLiteSnapshot(snapshot: try pool.makeSnapshot(), coverageIndex: coverageIndex, auditKey: auditKey)
        }
    }

    package func write<T: Sendable>(_ work: @escaping @Sendable (any RegistryWriter) throws -> T) async throws -> T {
        try await StoreError.translating {
            try await pool.write { [auditKey] db in try work(SQLiteAccess(db: db, auditKey: auditKey)) }
        }
    }

    /// True when the database answers and every migration this binary carries is applied.
    package func isReady() -> Bool {
        (try? pool.read { db in try RegistryMigrations.areComplete(db) }) ?? false
    }

    /// Loads the coverage index now rather than on the first coverage request (a second or so per million
    /// enterprises).
    package func warmCoverageIndex() throws {
        _ = try pool.read { db in try coverageIndex.current(db) }
    }

    /// True once the coverage index has a first version, so coverage answers need not wait for a load (503).
    package var isCoverageIndexLoaded: Bool { coverageIndex.hasVersion }

    /// Moves every committed page from the WAL into the database file and truncates the WAL, so that the file
    /// alone is the whole database (a graceful stop does this before `close`).
    package func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Closes every connection; later calls fail.
    package func close() throws { try pool.close() }
}
