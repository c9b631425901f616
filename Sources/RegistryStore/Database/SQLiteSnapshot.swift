import GRDB
import RegistryDomain

/// A `RegistrySnapshot` on GRDB's `DatabaseSnapshot`: one read-only connection whose transaction stays open on
/// the state it began with (WAL lets writers go on meanwhile). The connection closes when the last reference goes.
struct SQLiteSnapshot: RegistrySnapshot {
    let snapshot: DatabaseSnapshot
    let coverageIndex: CoverageIndex
    let auditKey: AuditKey?

    func read<T>(_ work: (any RegistryReader) throws -> T) throws -> T {
        try StoreError.translating {
            try snapshot.read { db in try work(SQLiteAccess(db: db, coverageIndex: coverageIndex, auditKey: auditKey)) }
        }
    }
}
