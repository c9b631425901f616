import GRDB
import RegistryDomain

/// An `audit_event` row decoded by column name; a row that does not decode is an error, never skipped.
struct AuditEntryRow: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let at = Column("at")
        static let actorToken = Column("actor_token")
        static let actorRole = Column("actor_role")
        static let action = Column("action")
        static let resource = Column("resource")
        static let requestID = Column("request_id")
        static let digest = Column("digest")
        static let previous = Column("previous")
        static let hash = Column("hash")
        static let regionCode = Column("region_code")
    }

    /// The columns `init(row:)` reads, for a SELECT list.
    static let selection =
        "id, at, actor_token, actor_role, action, resource, request_id, digest, previous, hash, region_code"

    let entry: AuditEntry

    init(row: Row) throws {
        // The hash covers the region as stored, so it is taken as stored (a CHECK keeps it digits).
        let region: String? = try row.decode(forColumn: Columns.regionCode)
        entry = AuditEntry(
            id: try row.decode(forColumn: Columns.id), at: try row.decode(forColumn: Columns.at),
            actorToken: try row.decode(forColumn: Columns.actorToken),
            actorRole: try row.decode(forColumn: Columns.actorRole), action: try row.decode(forColumn: Columns.action),
            resource: try row.decode(forColumn: Columns.resource),
            requestID: try row.decode(forColumn: Columns.requestID), digest: try row.decode(forColumn: Columns.digest),
            regionCode: region.map(RegionCode.init(stored:)), previous: try row.decode(forColumn: Columns.previous),
            hash: try row.decode(forColumn: Columns.hash))
    }
}
