import GRDB
import RegistryDomain

extension SQLiteAccess {
    static let tokenColumns = "id, secret_hash, role, region, uscc, label, created_at, expires_at, revoked_at"

    func accessToken(secretHash: String) throws -> AccessToken? {
        let statement = try db.cachedStatement(
            sql: "SELECT \(Self.tokenColumns) FROM access_token WHERE secret_hash = ?")
        return try Row.fetchOne(statement, arguments: [secretHash]).map(Self.accessToken)
    }

    func accessToken(id: Int64) throws -> AccessToken? {
        try Row.fetchOne(db, sql: "SELECT \(Self.tokenColumns) FROM access_token WHERE id = ?", arguments: [id])
            .map(Self.accessToken)
    }

    func accessTokens(within regionPrefix: RegionCode?, afterID: Int64?, limit: Int) throws -> [AccessToken] {
        var sql = "SELECT \(Self.tokenColumns) FROM access_token WHERE id > ?"
        var arguments: StatementArguments = [afterID ?? 0]
        if let regionPrefix {
            // Tokens scoped to a region within the prefix, and enterprise tokens of enterprises within it.
            sql += """
                 AND ((region >= ? AND region < ?)
                      OR uscc IN (SELECT uscc FROM enterprise WHERE region_code >= ? AND region_code < ?))
                """
            arguments += [regionPrefix.value, regionPrefix.value + ":", regionPrefix.value, regionPrefix.value + ":"]
        }
        sql += " ORDER BY id LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.accessToken)
    }

    func insert(_ token: AccessToken) throws -> AccessToken {
        try db.execute(
            sql: """
                INSERT INTO access_token (secret_hash, role, region, uscc, label, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                token.secretHash, token.role, token.region?.value, token.uscc?.value, token.label, token.createdAt,
                token.expiresAt,
            ])
        var stored = token
        stored.id = db.lastInsertedRowID
        return stored
    }

    func revokeAccessToken(id: Int64, at: String) throws {
        try db.execute(
            sql: "UPDATE access_token SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?", arguments: [at, id])
        if db.changesCount == 0 { throw StoreError.notFound }
    }

    static func accessToken(_ row: Row) -> AccessToken {
        AccessToken(
            id: row[0], secretHash: row[1], role: row[2],
            region: (row[3] as String?).flatMap { try? RegionCode($0) },
            uscc: (row[4] as String?).flatMap { try? USCC($0) },
            label: row[5], createdAt: row[6], expiresAt: row[7], revokedAt: row[8])
    }
}
