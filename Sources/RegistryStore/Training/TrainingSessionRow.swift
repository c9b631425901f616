import GRDB
import RegistryDomain

/// Rows of `training_session` with the count of its attendance, decoded by column name.
struct TrainingSessionRow: FetchableRecord {
    enum Columns {
        static let id = "id", provider = "provider", title = "title", hours = "hours_tenths"
        static let startsOn = "starts_on", endsOn = "ends_on", mode = "mode", region = "region_code"
        static let revision = "revision", createdBy = "created_by", createdAt = "created_at"
        static let attendees = "attendees"
    }

    static let selection = """
        s.id, s.provider, s.title, s.hours_tenths, s.starts_on, s.ends_on, s.mode, s.region_code, s.revision,
        s.created_by, s.created_at, (SELECT count(*) FROM attendance t WHERE t.session_id = s.id) AS attendees
        """

    let record: TrainingSessionRecord

    init(row: Row) throws {
        let table = "training_session"
        let session = TrainingSession(
            id: row[Columns.id], provider: row[Columns.provider], title: row[Columns.title],
            hours: try StoredRowError.require(TrainingHours(tenths: row[Columns.hours]), table, Columns.hours),
            startsOn: try StoredRowError.require(CivilDate(row[Columns.startsOn] as String), table, Columns.startsOn),
            endsOn: try StoredRowError.require(CivilDate(row[Columns.endsOn] as String), table, Columns.endsOn),
            mode: try StoredRowError.require(TrainingMode(rawValue: row[Columns.mode]), table, Columns.mode),
            regionCode: try StoredRowError.require(
                try? RegionCode(row[Columns.region] as String), table, Columns.region))
        record = TrainingSessionRecord(
            session: session, revision: row[Columns.revision], attendees: row[Columns.attendees],
            createdBy: row[Columns.createdBy], createdAt: row[Columns.createdAt])
    }
}
