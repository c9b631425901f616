import GRDB
import RegistryDomain

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
