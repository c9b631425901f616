import RegistryDomain

/// A stored row that does not decode into the domain's types: the database holds what its CHECKs should have
/// refused (a bug, or a change made outside the registry). It is an error, never a row quietly left out.
struct StoredRowError: Error, CustomStringConvertible {
    var table: String
    var column: String

    var description: String { "a row of \(table) holds an unreadable \(column)" }

    /// `value` when it decoded, else this error naming `table` and `column`.
    static func require<T>(_ value: T?, _ table: String, _ column: String) throws -> T {
        guard let value else { throw StoredRowError(table: table, column: column) }
        return value
    }
}
