import HTTPServer
import RegistryDomain

/// What the person record shows of training (API.md `GET /v1/people/{id}`): attendance with session titles, every
/// exam attempt with its score, certificates with their status and renewals, and, for regulators only, the credit
/// record of serious supervision actions.
struct PersonTraining: Sendable {
    var attendance: [PersonAttendance]
    var exams: [ExamAttemptRecord]
    var certificates: [CertificateRecord]
    /// Nil when the caller may not see it.
    var creditRecord: [CreditRecordEntry]?

    /// `attendance`, `certificates` and (when shown) `credit_record`, in the record's key order.
    func writeAttendanceAndCertificates(today: CivilDate, into json: inout JSONWriter) {
        json.key("attendance")
        json.beginArray()
        for item in attendance {
            json.beginObject()
            json.member("ends_on", item.endsOn.description)
            json.key("hours")
            json.raw(item.hours.description)
            json.member("provider", item.provider)
            json.member("session_id", Int(item.sessionID))
            json.member("starts_on", item.startsOn.description)
            json.member("title", item.title)
            json.endObject()
        }
        json.endArray()
        json.key("certificates")
        json.beginArray()
        for record in certificates {
            CertificateJSON.write(record.certificate, renewals: record.renewals, today: today, into: &json)
        }
        json.endArray()
        if let creditRecord {
            json.key("credit_record")
            json.beginArray()
            for entry in creditRecord {
                json.beginObject()
                json.member("appointment_id", Int(entry.action.appointmentID))
                json.member("kind", entry.action.kind.rawValue)
                json.member("occurred_on", entry.action.occurredOn.description)
                json.member("reason", entry.action.reason)
                json.member("supervision_action_id", Int(entry.action.id))
                json.member("uscc", entry.uscc.value)
                json.endObject()
            }
            json.endArray()
        }
    }

    /// `exams`: every attempt, oldest first.
    func writeExams(today: CivilDate, into json: inout JSONWriter) {
        json.key("exams")
        json.beginArray()
        for exam in exams {
            json.beginObject()
            json.key("certificate_number")
            if let number = exam.certificateNumber { json.string(number.description) } else { json.null() }
            json.member("id", Int(exam.id))
            json.member("pass_mark", exam.passMark)
            json.member("passed", exam.passed)
            json.member("score", exam.attempt.score)
            json.key("session_id")
            if let session = exam.attempt.sessionID { json.number(Int(session)) } else { json.null() }
            json.member("taken_on", exam.attempt.takenOn.description)
            json.endObject()
        }
        json.endArray()
    }
}
