import HTTPServer
import RegistryDomain

/// Certificates and exam results on the wire.
enum CertificateJSON {
    /// `{number, issued_on, expires_on, status, revoked_on, renewals}` as the holder's record shows it.
    static func write(
        _ certificate: Certificate, renewals: [CertificateRenewal], today: CivilDate, into json: inout JSONWriter
    ) {
        json.beginObject()
        json.member("expires_on", certificate.expiresOn.description)
        json.member("issued_on", certificate.issuedOn.description)
        json.member("number", certificate.number.description)
        json.key("renewals")
        json.beginArray()
        for renewal in renewals {
            json.beginObject()
            json.member("expires_on", renewal.expiresOn.description)
            json.key("hours")
            json.raw(TrainingHours(tenths: renewal.hours)?.description ?? "0")
            json.member("previous_expires_on", renewal.previousExpiresOn.description)
            json.member("renewed_on", renewal.renewedOn.description)
            json.endObject()
        }
        json.endArray()
        json.key("revoked_on")
        if let revoked = certificate.revokedOn { json.string(revoked.description) } else { json.null() }
        json.member("status", certificate.status(on: today).rawValue)
        json.endObject()
    }

    static func encode(_ record: CertificateRecord, today: CivilDate) -> [UInt8] {
        var json = JSONWriter()
        write(record.certificate, renewals: record.renewals, today: today, into: &json)
        return json.bytes
    }

    /// Public verification: the number, its status today and the holder's masked name, nothing more.
    static func verification(_ certificate: Certificate, holderName: String, today: CivilDate) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("holder_name", Masking.name(holderName))
        json.member("number", certificate.number.description)
        json.member("status", certificate.status(on: today).rawValue)
        json.endObject()
        return json.bytes
    }

    /// The answer to `POST /v1/exams`.
    static func exam(_ outcome: ExamOutcome, today: CivilDate) -> [UInt8] {
        var json = JSONWriter()
        writeExam(outcome, today: today, into: &json)
        return json.bytes
    }

    static func writeExam(_ outcome: ExamOutcome, today: CivilDate, into json: inout JSONWriter) {
        json.beginObject()
        json.key("certificate")
        if let certificate = outcome.certificate {
            json.beginObject()
            json.member("expires_on", certificate.expiresOn.description)
            json.member("issued_on", certificate.issuedOn.description)
            json.member("number", certificate.number.description)
            json.member("status", certificate.status(on: today).rawValue)
            json.endObject()
        } else {
            json.null()
        }
        json.member("certificate_issued", outcome.issued)
        json.member("id", Int(outcome.id))
        json.member("pass_mark", outcome.passMark)
        json.member("passed", outcome.passed)
        json.member("person_id", Int(outcome.attempt.personID))
        json.member("score", outcome.attempt.score)
        json.key("session_id")
        if let session = outcome.attempt.sessionID { json.number(Int(session)) } else { json.null() }
        json.member("taken_on", outcome.attempt.takenOn.description)
        json.endObject()
    }
}
