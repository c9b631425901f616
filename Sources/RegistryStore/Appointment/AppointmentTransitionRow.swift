import GRDB
import RegistryDomain

/// An `appointment_transition` row decoded by column name; one that does not parse is `StoreError.unreadable`
/// (a history with a step left out would misstate what happened).
struct AppointmentTransitionRow: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let appointmentID = Column("appointment_id")
        static let at = Column("at")
        static let actor = Column("actor")
        static let fromStatus = Column("from_status")
        static let toStatus = Column("to_status")
        static let reason = Column("reason")
    }

    /// The columns `init(row:)` reads, for a SELECT list.
    static let selection = "id, appointment_id, at, actor, from_status, to_status, reason"

    let appointmentID: Int64
    let transition: AppointmentTransition

    init(row: Row) throws {
        let id: Int64 = try row.decode(forColumn: Columns.id)
        func parsed<Value>(_ text: String, _ column: Column, _ parse: (String) -> Value?) throws -> Value {
            try StoredValue.parse(text, "appointment_transition", id, column.name, parse)
        }
        let from: String? = try row.decode(forColumn: Columns.fromStatus)
        appointmentID = try row.decode(forColumn: Columns.appointmentID)
        transition = AppointmentTransition(
            at: try parsed(row.decode(forColumn: Columns.at), Columns.at) { Instant(rfc3339: $0) },
            actor: try row.decode(forColumn: Columns.actor),
            from: try from.map { try parsed($0, Columns.fromStatus) { AppointmentStatus(rawValue: $0) } },
            to: try parsed(row.decode(forColumn: Columns.toStatus), Columns.toStatus) {
                AppointmentStatus(rawValue: $0)
            },
            reason: try row.decode(forColumn: Columns.reason))
    }
}
