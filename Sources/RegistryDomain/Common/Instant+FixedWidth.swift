extension Instant {
    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, milliseconds always written: every instant has the same width, so stored
    /// instants sort as text (what the API's clock writes too).
    public var fixedWidthText: String {
        let text = description
        guard !text.contains(".") else { return text }
        return String(text.dropLast()) + ".000Z"
    }
}
