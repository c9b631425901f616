import GRDB
import RegistryDomain

/// The registry's queries and changes on one GRDB connection, valid only inside the closure that received it.
///
/// `@unchecked Sendable` is never claimed: the value lives inside a `read` or `write` closure and never escapes it.
struct SQLiteAccess: RegistryWriter {
    let db: Database
    /// The shared coverage index, given to read transactions only (see `CoverageIndex`).
    var coverageIndex: CoverageIndex? = nil
    /// The audit chain's key: appending needs it, verifying checks keyed entries with it.
    var auditKey: AuditKey? = nil
}

extension StoreError {
    /// Runs `body`, turning SQLite's refusals into `StoreError` cases the API can answer with.
    ///
    /// A row that does not decode becomes `.unreadable`: a `StoredRowError` with the table, row and column it
    /// names, and GRDB's own decoding error without its description, which quotes the row's values.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw translated(error) }
    }

    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw translated(error) }
    }

    static func translated(_ error: any Error) -> any Error {
        switch error {
        case let error as DatabaseError: StoreError(error)
        case let error as StoredRowError: StoreError.unreadable("\(error.table): \(error.column)")
        case is RowDecodingError: StoreError.unreadable("a stored row does not decode")
        default: error
        }
    }

    /// Arguments are never part of the message (GRDB keeps them private), so no personal data reaches a log.
    init(_ error: DatabaseError) {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: self = .duplicate(error.message ?? "duplicate")
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        default:
            if error.resultCode == .SQLITE_CONSTRAINT {
                self = .constraint(error.message ?? "constraint")
            } else if error.resultCode == .SQLITE_BUSY {
                self = .busy
            } else {
                self = .constraint("database error \(error.resultCode.rawValue)")
            }
        }
    }
}
