/// A supervision action (动态管理) a regulator records against an appointment: an interview (约谈), a warning
/// (警示) or an exit (退出) (001 §(十三); 003 §6(二)). Only regulators take them.
public struct SupervisionAction: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var appointmentID: Int64
    public var kind: SupervisionKind
    public var reason: String
    /// The day the action took place; an exit ends the appointment on it.
    public var occurredOn: CivilDate
    /// A serious case, entered in the person's credit record (个人诚信档案, DOMAIN.md "Supervision").
    public var serious: Bool

    public init(
        id: Int64, appointmentID: Int64, kind: SupervisionKind, reason: String, occurredOn: CivilDate,
        serious: Bool = false
    ) {
        self.id = id
        self.appointmentID = appointmentID
        self.kind = kind
        self.reason = reason
        self.occurredOn = occurredOn
        self.serious = serious
    }

    /// The wire fields as decoded, every one optional.
    public struct Draft: Hashable, Sendable {
        public var kind: String?
        public var reason: String?
        /// `YYYY-MM-DD`.
        public var occurredOn: String?
        public var serious: Bool?

        public init(kind: String? = nil, reason: String? = nil, occurredOn: String? = nil, serious: Bool? = nil) {
            self.kind = kind
            self.reason = reason
            self.occurredOn = occurredOn
            self.serious = serious
        }
    }

    /// Validates a decoded action, reporting every violation at once: `kind` (required, one of the kinds),
    /// `reason` (required, ≤ 1,000 characters), `occurred_on` (required, a real date not after `today`), `serious` (optional, default false).
    /// Whether the date fits the appointment is checked by `Appointment.applying(_:certificates:today:by:at:)`.
    public static func validated(_ draft: Draft, id: Int64, appointmentID: Int64, today: CivilDate)
        throws(ValidationFailure) -> SupervisionAction
    {
        var collector = ViolationCollector()
        let kind = collector.check { () throws(ValidationFailure) in
            guard let text = draft.kind, !text.isEmpty else { throw .required("kind", "kind is required") }
            return try SupervisionKind.parsed(text)
        }
        let reason = collector.check { () throws(ValidationFailure) in try Appointment.requiredReason(draft.reason) }
        let occurredOn = collector.check { () throws(ValidationFailure) in
            try CivilDate.parsed(draft.occurredOn, field: "occurred_on", notAfter: today)
        }
        try collector.throwIfAny()
        guard let kind, let reason, let occurredOn else { throw ValidationFailure(collector.violations) }
        return SupervisionAction(
            id: id, appointmentID: appointmentID, kind: kind, reason: reason, occurredOn: occurredOn,
            serious: draft.serious ?? false)
    }
}

/// The kinds of supervision action. Raw values are wire names.
public enum SupervisionKind: String, CaseIterable, Codable, Sendable {
    /// 约谈: the CQO is summoned for a talk.
    case interview
    /// 警示: a formal warning.
    case warning
    /// 退出: the CQO is removed; the appointment ends and the certificate is revoked.
    case exit

    /// Parses a wire name, naming `field` in the violation (code `unknown`).
    public static func parsed(_ text: String, field: String = "kind") throws(ValidationFailure) -> SupervisionKind {
        guard let kind = SupervisionKind(rawValue: text) else {
            throw ValidationFailure(field: field, code: "unknown", message: "kind is interview, warning or exit")
        }
        return kind
    }
}
