import GRDB
import RegistryDomain

/// A row of `SQLiteAccess.supervisionActionColumns` decoded by column name; one that does not parse is
/// `StoreError.unreadable`, never left out of the list.
struct SupervisionActionRow: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let appointmentID = Column("appointment_id")
        static let kind = Column("kind")
        static let reason = Column("reason")
        static let occurredOn = Column("occurred_on")
        static let actor = Column("actor")
        static let at = Column("at")
        static let uscc = Column("uscc")
        static let regionCode = Column("region_code")
        static let serious = Column("serious")
    }

    let record: SupervisionActionRecord

    init(row: Row) throws {
        let id: Int64 = try row.decode(forColumn: Columns.id)
        func parsed<Value>(_ column: Column, _ parse: (String) throws -> Value?) throws -> Value {
            try StoredValue.parse(row.decode(forColumn: column), "supervision_action", id, column.name, parse)
        }
        let action = SupervisionAction(
            id: id, appointmentID: try row.decode(forColumn: Columns.appointmentID),
            kind: try parsed(Columns.kind) { SupervisionKind(rawValue: $0) },
            reason: try row.decode(forColumn: Columns.reason),
            occurredOn: try parsed(Columns.occurredOn) { CivilDate($0) },
            serious: try row.decode(forColumn: Columns.serious))
        record = SupervisionActionRecord(
            action: action, actor: try row.decode(forColumn: Columns.actor), at: try row.decode(forColumn: Columns.at),
            uscc: try parsed(Columns.uscc) { try USCC($0) },
            regionCode: try parsed(Columns.regionCode) { try RegionCode($0) })
    }
}
