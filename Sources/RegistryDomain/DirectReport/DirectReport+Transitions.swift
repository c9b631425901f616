extension DirectReport {
    /// The report after `action` at `instant`, and the history step that records it.
    /// - Throws: `DirectReportError.illegalTransition` naming the status when the report is not in the status the
    ///   action needs (`acknowledge` needs `open`, `close` needs `acknowledged`).
    public func applying(
        _ action: DirectReportError.Action, at instant: Instant, by actor: String, note: String?
    ) throws(DirectReportError) -> (report: DirectReport, transition: DirectReportTransition) {
        let next =
            switch action {
            case .acknowledge: try acknowledged(at: instant)
            case .close: try closed(at: instant)
            }
        return (next, DirectReportTransition(at: instant, actor: actor, from: status, to: next.status, note: note))
    }
}
