import GRDB
import RegistryDomain

/// A `change_event` row decoded by column name. An event whose region does not parse is `StoreError.unreadable`:
/// skipped, it would be lost to every reader of the feed without a sign.
struct ChangeEventRow: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let at = Column("at")
        static let kind = Column("kind")
        static let resource = Column("resource")
        static let regionCode = Column("region_code")
        static let payload = Column("payload")
    }

    /// The columns `init(row:)` reads, for a SELECT list.
    static let selection = "id, at, kind, resource, region_code, payload"

    let event: ChangeEvent

    init(row: Row) throws {
        let id: Int64 = try row.decode(forColumn: Columns.id)
        event = ChangeEvent(
            id: id, at: try row.decode(forColumn: Columns.at), kind: try row.decode(forColumn: Columns.kind),
            resource: try row.decode(forColumn: Columns.resource),
            regionCode: try StoredValue.parse(
                row.decode(forColumn: Columns.regionCode), "change_event", id, "region_code"
            ) {
                try RegionCode($0)
            },
            payload: try row.decode(forColumn: Columns.payload))
    }
}
