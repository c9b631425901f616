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

/// Rows of `certificate`.
struct CertificateRow: FetchableRecord {
    enum Columns {
        static let number = "number", personID = "person_id", issuedOn = "issued_on", expiresOn = "expires_on"
        static let revokedOn = "revoked_on"
    }

    static let selection = "c.number, c.person_id, c.issued_on, c.expires_on, c.revoked_on"

    let certificate: Certificate

    init(row: Row) throws {
        let table = "certificate"
        let revoked: String? = row[Columns.revokedOn]
        certificate = Certificate(
            number: try StoredRowError.require(CertificateNumber(row[Columns.number] as String), table, Columns.number),
            personID: row[Columns.personID],
            issuedOn: try StoredRowError.require(CivilDate(row[Columns.issuedOn] as String), table, Columns.issuedOn),
            expiresOn: try StoredRowError.require(
                CivilDate(row[Columns.expiresOn] as String), table, Columns.expiresOn),
            revokedOn: try revoked.map { try StoredRowError.require(CivilDate($0), table, Columns.revokedOn) })
    }
}

/// Rows of `certificate_renewal`.
struct CertificateRenewalRow: FetchableRecord {
    enum Columns {
        static let number = "certificate_number", renewedOn = "renewed_on", previous = "previous_expires_on"
        static let expiresOn = "expires_on", hours = "hours_tenths", actor = "actor"
    }

    let number: String
    let renewal: CertificateRenewal

    init(row: Row) throws {
        let table = "certificate_renewal"
        number = row[Columns.number]
        renewal = CertificateRenewal(
            renewedOn: try StoredRowError.require(
                CivilDate(row[Columns.renewedOn] as String), table, Columns.renewedOn),
            previousExpiresOn: try StoredRowError.require(
                CivilDate(row[Columns.previous] as String), table, Columns.previous),
            expiresOn: try StoredRowError.require(
                CivilDate(row[Columns.expiresOn] as String), table, Columns.expiresOn),
            hours: row[Columns.hours], actor: row[Columns.actor])
    }
}

/// Rows of `exam_attempt`.
struct ExamAttemptRow: FetchableRecord {
    enum Columns {
        static let id = "id", personID = "person_id", sessionID = "session_id", takenOn = "taken_on"
        static let score = "score", passMark = "pass_mark", passed = "passed", certificate = "certificate_number"
        static let recordedBy = "recorded_by", recordedAt = "recorded_at"
    }

    let record: ExamAttemptRecord

    init(row: Row) throws {
        let table = "exam_attempt"
        let number: String? = row[Columns.certificate]
        record = ExamAttemptRecord(
            id: row[Columns.id],
            attempt: ExamAttempt(
                personID: row[Columns.personID],
                takenOn: try StoredRowError.require(CivilDate(row[Columns.takenOn] as String), table, Columns.takenOn),
                score: row[Columns.score], sessionID: row[Columns.sessionID]),
            passMark: row[Columns.passMark], passed: row[Columns.passed],
            certificateNumber: try number.map {
                try StoredRowError.require(CertificateNumber($0), table, Columns.certificate)
            },
            recordedBy: row[Columns.recordedBy], recordedAt: row[Columns.recordedAt])
    }
}

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
