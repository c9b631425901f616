import GRDB
import RegistryDomain

/// Rows of `attendance` joined with their session.
struct PersonAttendanceRow: FetchableRecord {
    let attendance: PersonAttendance

    init(row: Row) throws {
        let table = "attendance"
        attendance = PersonAttendance(
            sessionID: row["session_id"], title: row["title"], provider: row["provider"],
            startsOn: try StoredRowError.require(CivilDate(row["starts_on"] as String), table, "starts_on"),
            endsOn: try StoredRowError.require(CivilDate(row["ends_on"] as String), table, "ends_on"),
            hours: try StoredRowError.require(TrainingHours(tenths: row["hours_tenths"]), table, "hours_tenths"))
    }
}
