import GRDB
import RegistryDomain
import Synchronization

/// An in-memory column index of every enterprise's coverage inputs, so that a coverage answer over a million
/// enterprises sums a few cells instead of joining every row.
///
/// It is a cache of the database, never a second truth: triggers (migration 0005) raise `coverage_version` and
/// record the changed enterprise in `coverage_change` in the same transaction as every change. Before answering,
/// a reader brings the index to its own snapshot's version by reloading exactly the enterprises changed since
/// the index's version, inside the reader's transaction. After a large change (or at start-up) one reader rebuilds
/// the whole index outside the lock (in a server, a background job does, once a first version exists: see
/// `rebuildElsewhere`); meanwhile the others answer from the previous version (and say so in the
/// version they report), or get `StoreError.busy` (503, Retry-After) when there is none yet. An answer therefore
/// always equals a recomputation over some committed state, and it names that state's version.
///
/// Only read transactions use it: a write transaction may roll back, so it counts on a private copy.
package final class CoverageIndex: Sendable {
    private struct State {
        var columns = CoverageColumns()
        var rebuilding = false
    }

    /// Runs a job somewhere other than the caller's thread.
    package typealias Runner = @Sendable (@escaping @Sendable () -> Void) -> Void

    private let state = Mutex(State())
    /// Above this many changed enterprises, the index is rebuilt from scratch instead of patched.
    let rebuildThreshold: Int
    /// Where full rebuilds run once a first version exists (with `rebuild`, which opens its own read transaction),
    /// so that the request that finds the index far behind is not held for the seconds a million enterprises take:
    /// it, and every request until the rebuild is done, answers from the previous version, labelled with it. Nil:
    /// the asking reader rebuilds (tests, tools).
    private let background: Mutex<(runner: Runner, rebuild: @Sendable () throws -> Void)?> = Mutex(nil)

    package init(rebuildThreshold: Int = 20_000) { self.rebuildThreshold = rebuildThreshold }

    /// True once a first version is loaded: from then on coverage answers never wait for a load.
    package var hasVersion: Bool { state.withLock { $0.columns.version >= 0 } }

    /// Sends later full rebuilds to `runner`, where `rebuild` reads the database and calls `rebuildNow`. A rebuild
    /// that fails (the database busy, no file descriptor) is abandoned, so the next reader that finds the index
    /// behind starts another, instead of every answer staying at the old version.
    package func rebuildElsewhere(_ runner: @escaping Runner, rebuild: @escaping @Sendable () throws -> Void) {
        background.withLock { $0 = (runner, rebuild) }
    }

    /// The columns at `db`'s snapshot, a newer committed one already loaded, or (while another reader rebuilds
    /// the index) the previous one; `columns.version` says which.
    ///
    /// A small catch-up patches the shared columns in place under the lock (readers hold value copies, so one
    /// still counting an older version keeps its own arrays).
    /// - Throws: `StoreError.busy` while the first load is under way in another reader.
    func current(_ db: Database) throws -> CoverageColumns {
        let version = try Self.version(db)
        let threshold = rebuildThreshold
        let elsewhere = background.withLock { $0 }
        // (columns to answer with, whether this reader starts a rebuild elsewhere); nil columns: rebuild here.
        let decision: (columns: CoverageColumns?, startsRebuild: Bool) = try state.withLock { state in
            if state.columns.version >= version { return (state.columns, false) }
            if state.rebuilding {
                guard state.columns.version >= 0 else { throw StoreError.busy }
                return (state.columns, false)
            }
            if state.columns.version >= 0,
                try Self.patch(&state.columns, db: db, version: version, rebuildThreshold: threshold)
            {
                return (state.columns, false)
            }
            state.rebuilding = true
            // Far behind: with a runner the rebuild goes there and this answer comes from the previous version.
            return elsewhere != nil && state.columns.version >= 0 ? (state.columns, true) : (nil, false)
        }
        if let columns = decision.columns {
            if decision.startsRebuild, let elsewhere {
                elsewhere.runner { [self] in
                    do { try elsewhere.rebuild() } catch { state.withLock { $0.rebuilding = false } }
                }
            }
            return columns
        }
        return try rebuild(db, version: version)
    }

    /// Rebuilds the whole index from `db`'s snapshot (the background job's entry; `current` rebuilds inline).
    package func rebuildNow(_ db: Database) throws { _ = try rebuild(db, version: nil) }

    /// Loads every enterprise at `db`'s snapshot (whose version is `known`, or read here) and installs the result
    /// unless a newer one is in; either way the rebuild is over.
    private func rebuild(_ db: Database, version known: Int64?) throws -> CoverageColumns {
        do {
            let version = try known ?? Self.version(db)
            var fresh = try CoverageLoader.all(db)
            fresh.cells = CoverageCells.all(fresh)
            fresh.version = version
            let columns = state.withLock { state in
                state.rebuilding = false
                if state.columns.version < fresh.version { state.columns = fresh }
                return state.columns
            }
            HeapTrim.now()
            return columns
        } catch {
            state.withLock { $0.rebuilding = false }
            throw error
        }
    }

    static func version(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM coverage_version WHERE id = 1") ?? 0
    }

    /// Loads the changes between `columns.version` and `version` from `db`; false (nothing done) when more than
    /// `rebuildThreshold` enterprises changed.
    static func patch(_ columns: inout CoverageColumns, db: Database, version: Int64, rebuildThreshold: Int) throws
        -> Bool
    {
        let changed = try String.fetchAll(
            db, sql: "SELECT uscc FROM coverage_change WHERE version > ? LIMIT ?",
            arguments: [columns.version, rebuildThreshold + 1])
        guard changed.count <= rebuildThreshold else { return false }
        for uscc in changed { columns.set(uscc, try CoverageLoader.entry(uscc, db: db)) }
        for level in columns.cells.indices { columns.cells[level].sortOrder() }
        columns.version = version
        return true
    }

    /// A fresh index of `db` as it is, without cells (for write transactions, which must not touch the shared
    /// one; they scan).
    static func snapshot(_ db: Database) throws -> CoverageColumns {
        var columns = try CoverageLoader.all(db)
        columns.version = try version(db)
        return columns
    }
}
