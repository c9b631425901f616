import GRDB
import RegistryDomain

extension SQLiteAccess {
    static let auditColumns =
        "id, at, actor_token, actor_role, action, resource, request_id, digest, previous, hash, region_code"

    func append(_ entry: AuditEntry) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
        var entry = entry
        entry.id = (last?[0] as Int64? ?? 0) + 1
        entry.previous = last?[1] ?? AuditChain.genesis
        entry.hash = AuditChain.hash(of: entry, previous: entry.previous)
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
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.auditEntry)
    }

    func auditEntryCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event") ?? 0
    }

    func firstAuditChainBreak() throws -> AuditChainBreak? {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.auditColumns) FROM audit_event ORDER BY id")
        var previous = AuditChain.genesis
        var expectedID: Int64 = 1
        while let row = try cursor.next() {
            let entry = Self.auditEntry(row)
            if entry.id != expectedID {
                return AuditChainBreak(entryID: expectedID, reason: "the entry is missing")
            }
            if let broken = AuditChain.firstBreak(in: [entry], startingAfter: previous) {
                return broken
            }
            previous = entry.hash
            expectedID += 1
        }
        return nil
    }

    static func auditEntry(_ row: Row) -> AuditEntry {
        AuditEntry(
            id: row[0], at: row[1], actorToken: row[2], actorRole: row[3], action: row[4], resource: row[5],
            requestID: row[6], digest: row[7], regionCode: (row[10] as String?).map(RegionCode.init(stored:)),
            previous: row[8], hash: row[9])
    }
}
