import GRDB
import Synchronization

/// An in-memory column index of every enterprise's coverage inputs, so that a coverage answer over a million
/// enterprises is one tight scan instead of a join.
///
/// It is a cache of the database, never a second truth: triggers (migration 0005) raise `coverage_version` and
/// record the changed enterprise in `coverage_change` in the same transaction as every change. Before answering,
/// a reader brings the index to its own snapshot's version by reloading exactly the enterprises changed since
/// the index's version (or everything, after a large change), all inside the reader's transaction. An answer
/// therefore always equals a recomputation over some committed state, and it names that state's version.
///
/// Only read transactions use it: a write transaction may roll back, so it counts on a private copy.
package final class CoverageIndex: Sendable {
    private let columns = Mutex(CoverageColumns())
    /// Above this many changed enterprises, the index is rebuilt from scratch instead of patched.
    let rebuildThreshold: Int

    package init(rebuildThreshold: Int = 20_000) { self.rebuildThreshold = rebuildThreshold }

    /// The columns brought up to `db`'s snapshot (or a newer committed one already loaded).
    ///
    /// The catch-up patches the shared columns in place under the lock (readers hold value copies, so one still
    /// scanning an older version keeps its own arrays), and concurrent readers wait for it rather than each
    /// loading the same changes.
    func current(_ db: Database) throws -> CoverageColumns {
        let version = try Self.version(db)
        let threshold = rebuildThreshold
        return try columns.withLock { installed in
            if installed.version < version {
                try Self.catchUp(&installed, db: db, version: version, rebuildThreshold: threshold)
            }
            return installed
        }
    }

    static func version(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM coverage_version WHERE id = 1") ?? 0
    }

    /// Loads the changes between `columns.version` and `version` from `db`.
    static func catchUp(_ columns: inout CoverageColumns, db: Database, version: Int64, rebuildThreshold: Int) throws {
        if columns.version >= 0 {
            let changed = try String.fetchAll(
                db, sql: "SELECT uscc FROM coverage_change WHERE version > ? LIMIT ?",
                arguments: [columns.version, rebuildThreshold + 1])
            if changed.count <= rebuildThreshold {
                for uscc in changed { columns.set(uscc, try CoverageLoader.entry(uscc, db: db)) }
                for level in columns.cells.indices { columns.cells[level].sortOrder() }
                columns.version = version
                return
            }
        }
        columns = try CoverageLoader.all(db)
        columns.cells = CoverageCells.all(columns)
        columns.version = version
    }

    /// A fresh index of `db` as it is, without cells (for write transactions, which must not touch the shared
    /// one; they scan).
    static func snapshot(_ db: Database) throws -> CoverageColumns {
        var columns = try CoverageLoader.all(db)
        columns.version = try version(db)
        return columns
    }
}
