/// What an enterprise files for an appointment (001 §(十五); 003 §3.1–3.3): the role, the person, the person's
/// position, whether the person is the enterprise's principal, and the appointment date.
///
/// The appointment decision and commitment letter travel as documents beside the filing, not in it.
public struct AppointmentFiling: Hashable, Sendable {
    /// The longest position title accepted, in characters.
    public static let maximumPositionLength = 100

    public var role: Role
    public var person: PersonDetails
    /// The person's post in the enterprise. A CQO must be senior management (003 §3.2); the title is free text
    /// (质量副总经理, 总工程师, …) and only the regulator's review can judge it.
    public var position: String
    /// Whether the person is the enterprise's principal (chairman or general manager), which 001 §(十四) and
    /// 003 §3.3 encourage.
    public var isPrincipal: Bool
    /// The date of the enterprise's appointment decision (聘任): appoint first, file after (先聘任后培训).
    public var appointedOn: CivilDate

    public init(role: Role, person: PersonDetails, position: String, isPrincipal: Bool, appointedOn: CivilDate) {
        self.role = role
        self.person = person
        self.position = position
        self.isPrincipal = isPrincipal
        self.appointedOn = appointedOn
    }

    /// The filing's wire fields as decoded from JSON, every one optional.
    public struct Draft: Hashable, Sendable {
        public var role: String?
        public var person: PersonDetails.Draft?
        public var position: String?
        public var isPrincipal: Bool?
        /// `YYYY-MM-DD`.
        public var appointedOn: String?

        public init(
            role: String? = nil, person: PersonDetails.Draft? = nil, position: String? = nil,
            isPrincipal: Bool? = nil, appointedOn: String? = nil
        ) {
            self.role = role
            self.person = person
            self.position = position
            self.isPrincipal = isPrincipal
            self.appointedOn = appointedOn
        }
    }

    /// Validates a decoded filing, reporting every violation at once with its wire path (`role`,
    /// `person.id_number`, `position`, `appointed_on`, …).
    ///
    /// - `role`, `person` (with `name`, `id_number`, `phone`), `position`, `appointed_on` are required;
    ///   `person.email` is optional; `is_principal` defaults to false.
    /// - `appointed_on` must be a real `YYYY-MM-DD` date (`format`) and, when `today` is given, not after it
    ///   (`range`): an appointment is filed after it is made.
    /// - Throws: `ValidationFailure` listing every violation.
    public static func validated(_ draft: Draft, today: CivilDate? = nil) throws(ValidationFailure) -> AppointmentFiling
    {
        var collector = ViolationCollector()
        let role = collector.check { () throws(ValidationFailure) in
            guard let text = draft.role, !text.isEmpty else { throw .required("role", "the role is required") }
            return try Role.parsed(text)
        }
        var person: PersonDetails?
        if let personDraft = draft.person {
            person = PersonDetails.validate(personDraft, prefix: "person", into: &collector)
        } else {
            collector.add(.required("person", "the person (name, id_number, phone) is required"))
        }
        let position = collector.check { () throws(ValidationFailure) in try validatedPosition(draft.position) }
        let appointedOn = collector.check { () throws(ValidationFailure) in
            try CivilDate.parsed(draft.appointedOn, field: "appointed_on", notAfter: today)
        }
        try collector.throwIfAny()
        guard let role, let person, let position, let appointedOn else { throw ValidationFailure(collector.violations) }
        return AppointmentFiling(
            role: role, person: person, position: position, isPrincipal: draft.isPrincipal ?? false,
            appointedOn: appointedOn)
    }

    static func validatedPosition(_ text: String?) throws(ValidationFailure) -> String {
        let position = (text ?? "").trimmingWhitespace
        guard !position.isEmpty else {
            throw .required("position", "the person's position in the enterprise is required")
        }
        guard position.count <= maximumPositionLength else {
            throw ValidationFailure(field: "position", code: "length", message: "a position has at most 100 characters")
        }
        return position
    }
}
