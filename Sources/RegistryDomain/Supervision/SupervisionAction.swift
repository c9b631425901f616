/// A regulator's supervision action against an appointment (001 §(十三); 003 §6(二)): an interview (约谈), a
/// warning (警示) or an exit (退出), which removes the appointment, ending it on `occurredOn`.
public struct SupervisionAction: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var appointmentID: Int64
    public var kind: Kind
    public var reason: String
    /// The day it happened; may be a past date, so that a bureau can back-fill its paper history.
    public var occurredOn: CivilDate
    /// Who recorded it, as transition history names actors.
    public var actor: String
    /// RFC 3339 UTC instant it was recorded.
    public var at: String

    public init(
        id: Int64 = 0, appointmentID: Int64, kind: Kind, reason: String, occurredOn: CivilDate, actor: String, at: String
    ) {
        self.id = id
        self.appointmentID = appointmentID
        self.kind = kind
        self.reason = reason
        self.occurredOn = occurredOn
        self.actor = actor
        self.at = at
    }

    /// Raw values are the wire names.
    public enum Kind: String, CaseIterable, Sendable {
        case interview
        case warning
        case exit
    }

    /// Validates the wire fields against the appointment acted on: `kind` and `reason` are required; `occurred_on`
    /// (default `today`) lies from the appointment's `appointed_on` to `today`.
    /// - Throws: every violation at once.
    public static func validated(
        kind: String?, reason: String?, occurredOn: String?, against appointment: Appointment, today: CivilDate,
        actor: String, at: String
    ) throws(ValidationFailure) -> SupervisionAction {
        var collector = ViolationCollector()
        let kind = collector.check { () throws(ValidationFailure) -> Kind in
            guard let text = kind, !text.isEmpty else { throw .required("kind", "kind is interview, warning or exit") }
            guard let kind = Kind(rawValue: text) else {
                throw ValidationFailure(field: "kind", code: "unknown", message: "kind is interview, warning or exit")
            }
            return kind
        }
        let reason = collector.check { () throws(ValidationFailure) in try Appointment.requiredReason(reason) }
        let date = collector.check { () throws(ValidationFailure) -> CivilDate in
            let date = try occurredOn.map { text throws(ValidationFailure) in
                try CivilDate.parsed(text, field: "occurred_on", notAfter: today)
            } ?? today
            guard date >= appointment.appointedOn else {
                throw ValidationFailure(
                    field: "occurred_on", code: "range",
                    message: "occurred_on may not be before the appointment (\(appointment.appointedOn))")
            }
            return date
        }
        try collector.throwIfAny()
        guard let kind, let reason, let date else { throw ValidationFailure(collector.violations) }
        return SupervisionAction(
            appointmentID: appointment.id, kind: kind, reason: reason, occurredOn: date, actor: actor, at: at)
    }
}
