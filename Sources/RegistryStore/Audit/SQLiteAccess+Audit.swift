import GRDB
import RegistryDomain

extension SQLiteAccess {
    static let auditColumns = AuditEntryRow.selection

    /// Appends `entry` with the keyed hash: every entry since migration 0011 needs the audit key.
    /// - Throws: `AuditKeyError.notGiven` without a key.
    func append(_ entry: AuditEntry) throws {
        guard let auditKey else { throw AuditKeyError.notGiven }
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
        var entry = entry
        entry.id = try (last?.decode(Int64.self, atIndex: 0) ?? 0) + 1
        entry.previous = try last?.decode(String.self, atIndex: 1) ?? AuditChain.genesis
        entry.hash = AuditChain.hash(of: entry, previous: entry.previous, key: auditKey)
        try db.execute(
            sql: """
                INSERT INTO audit_event (\(Self.auditColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.id, entry.at, entry.actorToken, entry.actorRole, entry.action, entry.resource, entry.requestID,
                entry.digest, entry.previous, entry.hash, entry.regionCode?.value,
            ])
    }

    func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        var conditions = ["id > ?"]
        var arguments: StatementArguments = [query.afterID ?? 0]
        if let actor = query.actorToken { conditions.append("actor_token = ?"); arguments += [actor] }
        if let action = query.action { conditions.append("action = ?"); arguments += [action] }
        if let resource = query.resource {
            if resource.hasSuffix("/") {
                conditions.append("resource >= ? AND resource < ?")
                arguments += [resource, String(resource.dropLast()) + "0"]  // '0' follows '/'
            } else {
                conditions.append("resource = ?")
                arguments += [resource]
            }
        }
        if let prefixes = query.regionPrefixes {
            var scopes: [String] = []
            for prefix in prefixes {
                scopes.append("(region_code >= ? AND region_code < ?)")
                arguments += [prefix.value, prefix.value + ":"]  // ':' follows '9'
            }
            if query.includesEntriesWithoutRegion { scopes.append("region_code IS NULL") }
            conditions.append(scopes.isEmpty ? "0" : "(\(scopes.joined(separator: " OR ")))")
        }
        if let from = query.from { conditions.append("at >= ?"); arguments += [from] }
        if let to = query.to { conditions.append("at < ?"); arguments += [to] }
        arguments += [query.limit]
        let sql =
            "SELECT \(Self.auditColumns) FROM audit_event WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT ?"
        return try AuditEntryRow.fetchAll(db, sql: sql, arguments: arguments).map(\.entry)
    }

    func auditEntryCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event") ?? 0
    }

    func auditHead() throws -> AuditHead? {
        let count = try auditEntryCount()
        let sql = "SELECT \(Self.auditColumns) FROM audit_event ORDER BY id DESC LIMIT 1"
        return try AuditEntryRow.fetchOne(db, sql: sql).map { AuditHead(hash: $0.entry.hash, entryCount: count) }
    }

    func auditEntryID(hash: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM audit_event WHERE hash = ? ORDER BY id LIMIT 1", arguments: [hash])
    }

    /// Walks the chain from the genesis hash: ids must run 1, 2, … without a gap, entries before
    /// `audit_chain_key.keyed_from` carry plain SHA-256 hashes and those from it on the keyed hash, and the record
    /// of the key must match the key this registry was opened with.
    func firstAuditChainBreak() throws -> AuditChainBreak? {
        guard let record = try AuditKeyring.Record.fetch(db) else {
            return AuditChainBreak(entryID: 1, reason: AuditKeyError.recordMissing.description)
        }
        if let auditKey, record.keyCheck != auditKey.check(keyedFrom: record.keyedFrom) {
            return AuditChainBreak(
                entryID: record.keyedFrom, reason: AuditKeyError.mismatch(path: auditKey.path).description)
        }
        let cursor = try AuditEntryRow.fetchCursor(db, sql: "SELECT \(Self.auditColumns) FROM audit_event ORDER BY id")
        var previous = AuditChain.genesis
        var expectedID: Int64 = 1
        while let entry = try cursor.next()?.entry {
            if entry.id != expectedID {
                return AuditChainBreak(entryID: expectedID, reason: "the entry is missing")
            }
            if let broken = AuditChain.firstBreak(
                in: [entry], startingAfter: previous, keyedFrom: record.keyedFrom, key: auditKey)
            {
                return broken
            }
            previous = entry.hash
            expectedID += 1
        }
        return nil
    }
}
