extension ValidationFailure {
    /// A missing or blank required field.
    public static func required(_ field: String, _ message: String) -> ValidationFailure {
        ValidationFailure(field: field, code: "required", message: message)
    }
}
