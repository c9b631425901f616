import GRDB
import RegistryDomain

/// A row of `SQLiteAccess.appointmentColumns` decoded by column name, without its history. A value that does not
/// parse is `StoreError.unreadable`: the appointment is never left out of an answer, nor shown in part.
struct AppointmentRow: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let uscc = Column("uscc")
        static let personID = Column("person_id")
        static let role = Column("role")
        static let status = Column("status")
        static let position = Column("position")
        static let isPrincipal = Column("is_principal")
        static let appointedOn = Column("appointed_on")
        static let registeredOn = Column("registered_on")
        static let endedOn = Column("ended_on")
        static let personName = Column("person_name")
        static let idNumber = Column("id_number")
        static let personPhone = Column("person_phone")
        static let personEmail = Column("person_email")
        static let regionCode = Column("region_code")
    }

    let id: Int64
    /// The appointment with an empty history (`records(_:)` adds it).
    let appointment: Appointment
    let regionCode: RegionCode

    init(row: Row) throws {
        let id: Int64 = try row.decode(forColumn: Columns.id)
        func parsed<Value>(_ column: Column, _ parse: (String) throws -> Value?) throws -> Value {
            try StoredValue.parse(row.decode(forColumn: column), "appointment", id, column.name, parse)
        }
        func parsedIfPresent<Value>(_ column: Column, _ parse: (String) throws -> Value?) throws -> Value? {
            try StoredValue.parseIfPresent(row.decode(forColumn: column), "appointment", id, column.name, parse)
        }
        let person = PersonDetails(
            name: try row.decode(forColumn: Columns.personName),
            idNumber: try parsed(Columns.idNumber) { try ResidentIDNumber($0) },
            phone: try parsed(Columns.personPhone) { try PhoneNumber($0) },
            email: try parsedIfPresent(Columns.personEmail) { try EmailAddress($0) })
        let filing = AppointmentFiling(
            role: try parsed(Columns.role) { Role(rawValue: $0) }, person: person,
            position: try row.decode(forColumn: Columns.position),
            isPrincipal: try row.decode(forColumn: Columns.isPrincipal),
            appointedOn: try parsed(Columns.appointedOn) { CivilDate($0) })
        self.id = id
        appointment = Appointment(
            id: id, uscc: try parsed(Columns.uscc) { try USCC($0) },
            personID: try row.decode(forColumn: Columns.personID),
            filing: filing, status: try parsed(Columns.status) { AppointmentStatus(rawValue: $0) },
            registeredOn: try parsedIfPresent(Columns.registeredOn) { CivilDate($0) },
            endedOn: try parsedIfPresent(Columns.endedOn) { CivilDate($0) })
        regionCode = try parsed(Columns.regionCode) { try RegionCode($0) }
    }
}
