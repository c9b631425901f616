import CryptoSupport
import GRDB

/// Pairs the audit key file with the database's record of it (`audit_chain_key`, migration 0011) when the
/// registry opens.
///
/// | key file | `key_check` | outcome |
/// | --- | --- | --- |
/// | present | matches | the key |
/// | present | differs | `AuditKeyError.mismatch` |
/// | present | NULL | `AuditKeyError.unrecorded` |
/// | missing | set | `AuditKeyError.missing` |
/// | missing | NULL | created and recorded when `creating`; else nil (only a chain of plain hashes verifies) |
enum AuditKeyring {
    /// Where keyed hashing begins, and the check value of the key it began with (nil until the first keyed start).
    struct Record {
        var keyedFrom: Int64
        var keyCheck: String?

        static func fetch(_ db: Database) throws -> Record? {
            guard let row = try Row.fetchOne(db, sql: "SELECT keyed_from, key_check FROM audit_chain_key WHERE id = 1")
            else { return nil }
            return Record(keyedFrom: try row.decode(atIndex: 0), keyCheck: try row.decode(atIndex: 1))
        }
    }

    /// The key to write and verify the chain with.
    /// - Throws: `AuditKeyError` (see the table above).
    static func open(path: String, creating: Bool, in writer: some DatabaseWriter) throws -> AuditKey? {
        try writer.write { db in
            guard let record = try Record.fetch(db) else { throw AuditKeyError.recordMissing }
            let existing = try AuditKey.load(path: path)
            switch (existing, record.keyCheck) {
            case (let key?, let check?):
                guard ConstantTime.equals(Array(key.check(keyedFrom: record.keyedFrom).utf8), Array(check.utf8)) else {
                    throw AuditKeyError.mismatch(path: path)
                }
                return key
            case (nil, .some): throw AuditKeyError.missing(path: path)
            case (.some, nil): throw AuditKeyError.unrecorded(path: path)
            case (nil, nil):
                guard creating else { return nil }
                // The file is synced before the transaction that records it commits.
                let key = try AuditKey.create(path: path)
                try db.execute(
                    sql: "UPDATE audit_chain_key SET key_check = ? WHERE id = 1",
                    arguments: [key.check(keyedFrom: record.keyedFrom)])
                return key
            }
        }
    }
}
