/// What a coverage figure counts (DOMAIN.md "Coverage targets"). Raw values are wire names.
public enum CoverageMetric: String, CaseIterable, Codable, Sendable {
    /// Enterprises with a registered appointment of a counted role (001 §(四); 004 §2).
    case appointment
    /// Among enterprises with a registered appointment of a counted role, those whose registered appointee holds a
    /// valid certificate (003 §2: "filed CQOs 100 % trained").
    case training

    /// Parses a wire name, naming `field` in the violation (code `unknown`).
    public static func parsed(_ text: String, field: String = "metric") throws(ValidationFailure) -> CoverageMetric {
        guard let metric = CoverageMetric(rawValue: text) else {
            throw ValidationFailure(field: field, code: "unknown", message: "a metric is appointment or training")
        }
        return metric
    }
}
