import GRDB
import RegistryStore

/// What someone with the database file but not the registry can do, for tests that the registry fails closed.
extension TemporaryDatabase {
    /// Runs `statement` with CHECK constraints off, as someone altering the file outside the registry could.
    package func tamper(_ statement: String) async throws {
        try await registry.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
            try db.execute(sql: statement)
        }
    }

    /// Runs `body` while the registry's writer connection holds an exclusive lock on the file (SQLite's exclusive
    /// locking mode), so that every connection opened meanwhile fails with SQLITE_BUSY after its busy timeout.
    ///
    /// Call it before anything has read the database: the pool's reader connections open on first use, and one
    /// already open holds a shared lock that keeps the exclusive one from being taken.
    package func withExclusiveLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await registry.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "BEGIN EXCLUSIVE; UPDATE audit_chain_key SET id = id; COMMIT")
        }
        do {
            let result = try await body()
            try await release()
            return result
        } catch {
            try await release()
            throw error
        }
    }

    private func release() async throws {
        // Back in normal mode, the lock goes at the next access.
        try await registry.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA locking_mode = NORMAL")
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_chain_key")
        }
    }
}
