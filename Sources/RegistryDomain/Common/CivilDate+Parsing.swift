extension CivilDate {
    /// Parses a required wire date: `required` when absent or empty, `format` when not a real `YYYY-MM-DD`,
    /// `range` when after `notAfter` (if given).
    public static func parsed(_ text: String?, field: String, notAfter latest: CivilDate? = nil)
        throws(ValidationFailure) -> CivilDate
    {
        guard let text, !text.isEmpty else { throw .required(field, "a date (YYYY-MM-DD) is required") }
        guard let date = CivilDate(text) else {
            throw ValidationFailure(
                field: field, code: "format", message: "a date is a real calendar day as YYYY-MM-DD")
        }
        if let latest, date > latest {
            throw ValidationFailure(field: field, code: "range", message: "the date may not be later than \(latest)")
        }
        return date
    }
}
