/// A quality-safety direct report (质量安全直报): a registered CQO reports a problem straight to the bureau
/// (001 §(十一)); the bureau acknowledges, then closes it.
public struct DirectReport: Hashable, Sendable, Identifiable {
    public static let maximumSubjectLength = 200
    public static let maximumBodyLength = 10_000

    public var id: Int64
    public var uscc: USCC
    public var subject: String
    public var body: String
    public var severity: DirectReportSeverity
    public var status: DirectReportStatus
    public var filedAt: Instant
    public var acknowledgedAt: Instant?
    public var closedAt: Instant?

    public init(
        id: Int64, uscc: USCC, subject: String, body: String, severity: DirectReportSeverity,
        status: DirectReportStatus = .open, filedAt: Instant, acknowledgedAt: Instant? = nil, closedAt: Instant? = nil
    ) {
        self.id = id
        self.uscc = uscc
        self.subject = subject
        self.body = body
        self.severity = severity
        self.status = status
        self.filedAt = filedAt
        self.acknowledgedAt = acknowledgedAt
        self.closedAt = closedAt
    }

    /// The wire fields as decoded, every one optional.
    public struct Draft: Hashable, Sendable {
        public var subject: String?
        public var body: String?
        public var severity: String?

        public init(subject: String? = nil, body: String? = nil, severity: String? = nil) {
            self.subject = subject
            self.body = body
            self.severity = severity
        }
    }

    /// Validates a decoded report: `subject` (≤ 200 characters), `body` (≤ 10,000) and `severity` are required.
    public static func validated(_ draft: Draft, id: Int64, uscc: USCC, filedAt: Instant)
        throws(ValidationFailure) -> DirectReport
    {
        var collector = ViolationCollector()
        let subject = collector.check { () throws(ValidationFailure) in
            try TextField.required(draft.subject, field: "subject", maximum: maximumSubjectLength)
        }
        let body = collector.check { () throws(ValidationFailure) in
            try TextField.required(draft.body, field: "body", maximum: maximumBodyLength)
        }
        let severity = collector.check { () throws(ValidationFailure) in
            guard let text = draft.severity, !text.isEmpty else { throw .required("severity", "severity is required") }
            guard let severity = DirectReportSeverity(rawValue: text) else {
                throw ValidationFailure(
                    field: "severity", code: "unknown", message: "severity is low, medium, high or critical")
            }
            return severity
        }
        try collector.throwIfAny()
        guard let subject, let body, let severity else { throw ValidationFailure(collector.violations) }
        return DirectReport(id: id, uscc: uscc, subject: subject, body: body, severity: severity, filedAt: filedAt)
    }

    /// Whether the enterprise may file a direct report on `today`: it has a registered `cqo` then (API.md
    /// "an enterprise with a registered CQO").
    public static func mayFile(uscc: USCC, appointments: [Appointment], today: CivilDate) -> Bool {
        appointments.contains { $0.uscc == uscc && $0.role == .cqo && $0.isRegistered(on: today) }
    }

    /// `open` → `acknowledged`.
    public func acknowledged(at instant: Instant) throws(DirectReportError) -> DirectReport {
        guard status == .open else { throw .illegalTransition(status: status, action: .acknowledge) }
        var next = self
        next.status = .acknowledged
        next.acknowledgedAt = instant
        return next
    }

    /// `acknowledged` → `closed`: a report is acknowledged before it is closed (API.md "acknowledge, then close").
    public func closed(at instant: Instant) throws(DirectReportError) -> DirectReport {
        guard status == .acknowledged else { throw .illegalTransition(status: status, action: .close) }
        var next = self
        next.status = .closed
        next.closedAt = instant
        return next
    }
}

/// Severity of a direct report. Raw values are wire names.
public enum DirectReportSeverity: String, CaseIterable, Codable, Sendable {
    case low, medium, high, critical
}

/// Where a direct report stands. Raw values are wire names.
public enum DirectReportStatus: String, CaseIterable, Codable, Sendable {
    case open, acknowledged, closed
}

/// Why a direct report cannot do what was asked (the API answers 409).
public enum DirectReportError: Error, Hashable, Sendable {
    case illegalTransition(status: DirectReportStatus, action: Action)

    /// Raw values are the API's action names.
    public enum Action: String, Sendable {
        case acknowledge, close
    }
}
