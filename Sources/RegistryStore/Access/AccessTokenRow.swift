import GRDB
import RegistryDomain

/// An `access_token` row decoded by column name. A region or USCC that does not parse is an error: read as nil it
/// would give the token no scope limit at all.
struct AccessTokenRow: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let secretHash = Column("secret_hash")
        static let role = Column("role")
        static let region = Column("region")
        static let uscc = Column("uscc")
        static let label = Column("label")
        static let createdAt = Column("created_at")
        static let expiresAt = Column("expires_at")
        static let revokedAt = Column("revoked_at")
    }

    /// The columns `init(row:)` reads, for a SELECT list.
    static let selection = "id, secret_hash, role, region, uscc, label, created_at, expires_at, revoked_at"

    /// Roles and the scope each needs, as migration 0003's CHECKs say: read again here, since a row written with
    /// the CHECKs off and read as it stands would give the token no scope limit.
    static let regionRoles: Set = ["admin", "regulator", "viewer"]
    static let roles: Set = ["admin", "regulator", "viewer", "enterprise", "trainer"]

    let token: AccessToken

    init(row: Row) throws {
        let id: Int64 = try row.decode(forColumn: Columns.id)
        let role: String = try row.decode(forColumn: Columns.role)
        _ = try StoredValue.parse(role, "access_token", id, "role") { Self.roles.contains($0) ? $0 : nil }
        let token = AccessToken(
            id: id, secretHash: try row.decode(forColumn: Columns.secretHash), role: role,
            region: try StoredValue.parseIfPresent(row.decode(forColumn: Columns.region), "access_token", id, "region")
            {
                try RegionCode($0)
            },
            uscc: try StoredValue.parseIfPresent(row.decode(forColumn: Columns.uscc), "access_token", id, "uscc") {
                try USCC($0)
            },
            label: try row.decode(forColumn: Columns.label), createdAt: try row.decode(forColumn: Columns.createdAt),
            expiresAt: try row.decode(forColumn: Columns.expiresAt),
            revokedAt: try row.decode(forColumn: Columns.revokedAt))
        guard (role == "enterprise") == (token.uscc != nil), !Self.regionRoles.contains(role) || token.region != nil
        else { throw StoredRowError(table: "access_token \(id)", column: "scope") }
        self.token = token
    }
}
