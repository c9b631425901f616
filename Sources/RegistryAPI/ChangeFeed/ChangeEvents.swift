import HTTPServer
import RegistryDomain

/// The change-feed entries the use cases append: small payloads naming what changed, never personal data.
enum ChangeEvents {
    /// One event: its kind, the changed resource's path, the region whose feed carries it, and a payload object
    /// whose members `members` writes.
    static func event(
        _ kind: String, resource: String, region: RegionCode, at: String, _ members: (inout JSONWriter) -> Void
    ) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        members(&json)
        json.endObject()
        return ChangeEvent(
            at: at, kind: kind, resource: resource, regionCode: region,
            payload: String(decoding: json.bytes, as: UTF8.self))
    }

    /// `enterprise.created`, `enterprise.updated`, `enterprise.imported`, in the enterprise's region, or in `region`
    /// (the region an enterprise has just left, whose regulators learn of the move too).
    static func enterprise(_ enterprise: Enterprise, kind: String, at: String, region: RegionCode? = nil)
        -> ChangeEvent
    {
        event(
            "enterprise.\(kind)", resource: "/v1/enterprises/\(enterprise.uscc.value)",
            region: region ?? enterprise.regionCode, at: at
        ) { json in
            json.member("uscc", enterprise.uscc.value)
        }
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
        event("appointment.\(kind)", resource: "/v1/appointments/\(appointment.id)", region: region, at: at) { json in
            json.member("id", Int(appointment.id))
            json.member("role", appointment.role.rawValue)
            json.member("status", appointment.status.rawValue)
            json.member("uscc", appointment.uscc.value)
        }
    }
}

extension ChangeEvents {
    /// `training_session.created`, `training_session.attendance_replaced`, in the session's region.
    static func trainingSession(_ session: TrainingSession, kind: String, at: String) -> ChangeEvent {
        event(
            "training_session.\(kind)", resource: "/v1/training-sessions/\(session.id)", region: session.regionCode,
            at: at
        ) { json in
            json.member("id", Int(session.id))
        }
    }

    /// `exam.recorded`, in the region of the person's filing.
    static func exam(_ outcome: ExamOutcome, region: RegionCode, at: String) -> ChangeEvent {
        event("exam.recorded", resource: "/v1/people/\(outcome.attempt.personID)", region: region, at: at) { json in
            json.member("id", Int(outcome.id))
            json.member("passed", outcome.passed)
            json.member("person_id", Int(outcome.attempt.personID))
        }
    }

    /// `certificate.issued`, `certificate.renewed`, `certificate.revoked`, in the region of the holder's filing.
    static func certificate(_ certificate: Certificate, kind: String, region: RegionCode, at: String) -> ChangeEvent {
        event("certificate.\(kind)", resource: "/v1/certificates/\(certificate.number)", region: region, at: at) {
            json in
            json.member("number", certificate.number.description)
            json.member("person_id", Int(certificate.personID))
        }
    }
}
