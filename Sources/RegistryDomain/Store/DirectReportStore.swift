/// A direct report as stored: its history, its attachment's metadata, and its enterprise's current region (for
/// scope checks and the change feed).
public struct DirectReportRecord: Sendable, Hashable {
    public var report: DirectReport
    public var regionCode: RegionCode
    /// Every step, oldest first; the first is the filing.
    public var history: [DirectReportTransition]
    public var attachment: DirectReportAttachment?
    /// Raised by every step; the report's ETag derives from it.
    public var revision: Int

    public init(
        report: DirectReport, regionCode: RegionCode, history: [DirectReportTransition],
        attachment: DirectReportAttachment?, revision: Int
    ) {
        self.report = report
        self.regionCode = regionCode
        self.history = history
        self.attachment = attachment
        self.revision = revision
    }
}

/// Which direct reports a list asks for. Every region prefix must match (the caller's scope and its filter).
public struct DirectReportQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var uscc: USCC?
    public var status: DirectReportStatus?
    public var severity: DirectReportSeverity?
    /// Filed at or after.
    public var filedFrom: Instant?
    /// Filed before.
    public var filedBefore: Instant?
    public var afterID: Int64?
    public var limit = 50

    public init() {}
}

public protocol DirectReportReader {
    /// The report with `id`, with its history and attachment metadata; nil when there is none.
    func directReport(id: Int64) throws -> DirectReportRecord?
    /// Reports matching `query`, in id order, at most `query.limit`.
    func directReports(_ query: DirectReportQuery) throws -> [DirectReportRecord]
    /// The attachment of report `id` with its content; nil when it has none.
    func directReportAttachment(reportID: Int64) throws -> (attachment: DirectReportAttachment, content: [UInt8])?
}

public protocol DirectReportWriter {
    /// Stores a new report (its id is ignored) with its filing step and optional attachment; returns it with its id.
    func insert(
        _ report: DirectReport, filedBy actor: String,
        attachment: (attachment: DirectReportAttachment, content: [UInt8])?
    ) throws -> DirectReport
    /// Stores the report's new status and instants, raises its revision and appends `transition` to its history.
    /// - Throws: `StoreError.notFound` when there is no report with its id.
    func save(_ report: DirectReport, transition: DirectReportTransition) throws
}
