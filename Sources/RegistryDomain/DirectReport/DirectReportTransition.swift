/// One step in a direct report's history: filed (`from` nil), acknowledged, closed; who took it, when, and the
/// note given.
public struct DirectReportTransition: Hashable, Sendable {
    public static let maximumNoteLength = 1_000

    public var at: Instant
    /// Who took the step, as audit entries name actors (never personal data).
    public var actor: String
    public var from: DirectReportStatus?
    public var to: DirectReportStatus
    public var note: String?

    public init(at: Instant, actor: String, from: DirectReportStatus?, to: DirectReportStatus, note: String? = nil) {
        self.at = at
        self.actor = actor
        self.from = from
        self.to = to
        self.note = note
    }

    /// A step's `note`: optional on `acknowledge`, required on `close` (what the bureau did about the report),
    /// at most 1,000 characters, trimmed.
    public static func note(_ text: String?, for action: DirectReportError.Action) throws(ValidationFailure)
        -> String?
    {
        switch action {
        case .acknowledge:
            guard let text, !text.trimmingWhitespace.isEmpty else { return nil }
            return try TextField.required(text, field: "note", maximum: maximumNoteLength)
        case .close:
            return try TextField.required(text, field: "note", maximum: maximumNoteLength)
        }
    }
}
