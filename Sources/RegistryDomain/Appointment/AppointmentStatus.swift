/// Where an appointment stands in its lifecycle (DOMAIN.md "Appointments and filing"). Raw values are wire names.
///
/// `submitted` → `registered` | `returned`; `returned` → `submitted` (resubmit); `registered` → `dismissed` |
/// `superseded` | `removed`. See `Appointment+Transitions.swift` for every allowed move.
public enum AppointmentStatus: String, CaseIterable, Codable, Sendable {
    /// Filed by the enterprise, awaiting the regulator.
    case submitted
    /// Sent back by the regulator with a reason; the enterprise may correct and resubmit.
    case returned
    /// Accepted by the regulator (备案登记).
    case registered
    /// Ended by the enterprise (解聘). Only a registered appointment is dismissed.
    case dismissed
    /// Replaced by a newer registered appointment of the same role.
    case superseded
    /// Ended by a supervision action (退出).
    case removed

    /// True for the statuses no transition leaves.
    public var isFinal: Bool {
        switch self {
        case .submitted, .returned, .registered: false
        case .dismissed, .superseded, .removed: true
        }
    }

    /// Parses a wire name, naming `field` in the violation (code `unknown`).
    public static func parsed(_ text: String, field: String = "status") throws(ValidationFailure) -> AppointmentStatus {
        guard let status = AppointmentStatus(rawValue: text) else {
            throw ValidationFailure(
                field: field, code: "unknown",
                message: "a status is one of submitted, returned, registered, dismissed, superseded, removed")
        }
        return status
    }
}
