/// Why an appointment cannot do what was asked.
public enum AppointmentError: Error, Hashable, Sendable {
    /// The action is not allowed from the appointment's current status (e.g. registering a dismissed one).
    /// The API answers 409.
    case illegalTransition(status: AppointmentStatus, action: AppointmentAction)
    /// The action is allowed but its input breaks a rule (a date out of range, a missing reason).
    /// The API answers 422 with the failure's violations.
    case invalid(ValidationFailure)
    /// The appointment is not within the caller's scope (the API answers 404 so that existence is not revealed).
    case outOfScope
}

/// What is done to an appointment. Raw values are the API's action names (`POST /v1/appointments/{id}/register`);
/// `description` is the past participle, so that "a registered appointment cannot be \(action)" reads well.
public enum AppointmentAction: String, CaseIterable, Sendable, CustomStringConvertible {
    case register
    case `return`
    case resubmit
    case dismiss
    case supersede
    case remove
    /// A supervision action of kind `interview` or `warning` (an `exit` is `remove`).
    case supervise

    public var description: String {
        switch self {
        case .register: "registered"
        case .return: "returned"
        case .resubmit: "resubmitted"
        case .dismiss: "dismissed"
        case .supersede: "superseded"
        case .remove: "removed"
        case .supervise: "supervised"
        }
    }
}
