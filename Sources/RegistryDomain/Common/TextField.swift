/// Checks shared by free-text wire fields.
public enum TextField {
    /// The text trimmed of surrounding white space: `required` when blank, `length` beyond `maximum`
    /// characters (grapheme clusters).
    public static func required(_ text: String?, field: String, maximum: Int) throws(ValidationFailure) -> String {
        let trimmed = (text ?? "").trimmingWhitespace
        guard !trimmed.isEmpty else { throw .required(field, "\(field) is required") }
        guard trimmed.count <= maximum else {
            throw ValidationFailure(field: field, code: "length", message: "\(field) has at most \(maximum) characters")
        }
        return trimmed
    }
}
