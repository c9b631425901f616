import GRDB
import RegistryDomain

extension SQLiteAccess {
    static let tokenColumns = AccessTokenRow.selection

    func accessToken(secretHash: String) throws -> AccessToken? {
        let statement = try db.cachedStatement(
            sql: "SELECT \(Self.tokenColumns) FROM access_token WHERE secret_hash = ?")
        return try AccessTokenRow.fetchOne(statement, arguments: [secretHash])?.token
    }

    func accessToken(id: Int64) throws -> AccessToken? {
        try AccessTokenRow.fetchOne(
            db, sql: "SELECT \(Self.tokenColumns) FROM access_token WHERE id = ?", arguments: [id])?.token
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
        return try AccessTokenRow.fetchAll(db, sql: sql, arguments: arguments).map(\.token)
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
}
