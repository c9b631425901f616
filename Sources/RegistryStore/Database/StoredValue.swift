import RegistryDomain

/// Parses a stored column back into a domain value, failing closed: a value the registry would never have written
/// is a `StoredRowError` (`StoreError.unreadable` once it leaves the store), never nil (nil is only for NULL) and
/// never a default.
enum StoredValue {
    /// `parse(text)`, or an error naming `table`, the row's `key` and `column` (never the value).
    /// - Throws: `StoredRowError` when `parse` throws or returns nil.
    static func parse<Value>(
        _ text: String, _ table: String, _ key: some CustomStringConvertible, _ column: String,
        _ parse: (String) throws -> Value?
    ) throws(StoredRowError) -> Value {
        guard let value = try? parse(text) else { throw StoredRowError(table: "\(table) \(key)", column: column) }
        return value
    }

    /// As `parse`, with NULL read as nil.
    static func parseIfPresent<Value>(
        _ text: String?, _ table: String, _ key: some CustomStringConvertible, _ column: String,
        _ parse: (String) throws -> Value?
    ) throws(StoredRowError) -> Value? {
        guard let text else { return nil }
        return try Self.parse(text, table, key, column, parse)
    }
}
