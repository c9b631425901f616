import HTTPServer
import RegistryDomain

/// The change-feed entries the use cases append: small payloads naming what changed, never personal data.
enum ChangeEvents {
    /// `enterprise.created`, `enterprise.updated`, `enterprise.imported`, in the enterprise's region, or in `region`
    /// (the region an enterprise has just left, whose regulators learn of the move too).
    static func enterprise(_ enterprise: Enterprise, kind: String, at: String, region: RegionCode? = nil)
        -> ChangeEvent
    {
        var json = JSONWriter()
        json.beginObject()
        json.member("uscc", enterprise.uscc.value)
        json.endObject()
        return ChangeEvent(
            at: at, kind: "enterprise.\(kind)", resource: "/v1/enterprises/\(enterprise.uscc.value)",
            regionCode: region ?? enterprise.regionCode, payload: String(decoding: json.bytes, as: UTF8.self))
    }

    /// The events of a change that left the enterprise in its region, having been in `previous` (nil: new): one in
    /// its region, and for a move one more in the region it left, whose regulators learn of it too.
    static func enterprise(_ enterprise: Enterprise, kind: String, at: String, previous: RegionCode?) -> [ChangeEvent] {
        let event = Self.enterprise(enterprise, kind: kind, at: at)
        guard let previous, previous != enterprise.regionCode else { return [event] }
        return [event, Self.enterprise(enterprise, kind: kind, at: at, region: previous)]
    }

    /// `appointment.filed`, `appointment.registered`, `appointment.superseded`, …
    static func appointment(_ appointment: Appointment, kind: String, region: RegionCode, at: String) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        json.member("id", Int(appointment.id))
        json.member("role", appointment.role.rawValue)
        json.member("status", appointment.status.rawValue)
        json.member("uscc", appointment.uscc.value)
        json.endObject()
        return ChangeEvent(
            at: at, kind: "appointment.\(kind)", resource: "/v1/appointments/\(appointment.id)", regionCode: region,
            payload: String(decoding: json.bytes, as: UTF8.self))
    }
}

extension ChangeEvents {
    /// `training_session.created`, `training_session.attendance_replaced`, in the session's region.
    static func trainingSession(_ session: TrainingSession, kind: String, at: String) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        json.member("id", Int(session.id))
        json.endObject()
        return ChangeEvent(
            at: at, kind: "training_session.\(kind)", resource: "/v1/training-sessions/\(session.id)",
            regionCode: session.regionCode, payload: String(decoding: json.bytes, as: UTF8.self))
    }

    /// `exam.recorded`, in the region of the person's filing.
    static func exam(_ outcome: ExamOutcome, region: RegionCode, at: String) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        json.member("id", Int(outcome.id))
        json.member("passed", outcome.passed)
        json.member("person_id", Int(outcome.attempt.personID))
        json.endObject()
        return ChangeEvent(
            at: at, kind: "exam.recorded", resource: "/v1/people/\(outcome.attempt.personID)", regionCode: region,
            payload: String(decoding: json.bytes, as: UTF8.self))
    }

    /// `certificate.issued`, `certificate.renewed`, `certificate.revoked`, in the region of the holder's filing.
    static func certificate(_ certificate: Certificate, kind: String, region: RegionCode, at: String) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        json.member("number", certificate.number.description)
        json.member("person_id", Int(certificate.personID))
        json.endObject()
        return ChangeEvent(
            at: at, kind: "certificate.\(kind)", resource: "/v1/certificates/\(certificate.number)", regionCode: region,
            payload: String(decoding: json.bytes, as: UTF8.self))
    }
}
