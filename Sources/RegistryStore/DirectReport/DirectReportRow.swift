import GRDB
import RegistryDomain

/// One `direct_report` row joined with its enterprise's region and its attachment's metadata, as
/// `SQLiteAccess.reportSelection` selects it. Decoding throws `StoredRowError` for a row the domain cannot read.
struct DirectReportRow: FetchableRecord {
    enum Columns: String, ColumnExpression {
        case id, uscc, subject, body, severity, status, revision
        case filedAt = "filed_at"
        case acknowledgedAt = "acknowledged_at"
        case closedAt = "closed_at"
        case regionCode = "region_code"
        case contentType = "content_type"
        case size, sha256
    }

    var report: DirectReport
    var regionCode: RegionCode
    var attachment: DirectReportAttachment?
    var revision: Int

    init(row: Row) throws {
        let id: Int64 = row[Columns.id]
        func fail(_ column: Columns) -> StoredRowError {
            StoredRowError(table: "direct_report \(id)", column: column.rawValue)
        }
        func instant(_ column: Columns) throws -> Instant? {
            guard let text: String = row[column] else { return nil }
            guard let instant = Instant(rfc3339: text) else { throw fail(column) }
            return instant
        }
        guard let uscc = try? USCC(row[Columns.uscc] as String) else { throw fail(.uscc) }
        guard let severity = DirectReportSeverity(rawValue: row[Columns.severity]) else { throw fail(.severity) }
        guard let status = DirectReportStatus(rawValue: row[Columns.status]) else { throw fail(.status) }
        guard let filedAt = try instant(.filedAt) else { throw fail(.filedAt) }
        guard let region = try? RegionCode(row[Columns.regionCode] as String) else { throw fail(.regionCode) }
        report = DirectReport(
            id: id, uscc: uscc, subject: row[Columns.subject], body: row[Columns.body], severity: severity,
            status: status, filedAt: filedAt, acknowledgedAt: try instant(.acknowledgedAt),
            closedAt: try instant(.closedAt))
        regionCode = region
        revision = row[Columns.revision]
        if let mediaType: String = row[Columns.contentType] {
            guard let format = DocumentFormat(mediaType: mediaType) else { throw fail(.contentType) }
            attachment = DirectReportAttachment(format: format, size: row[Columns.size], sha256: row[Columns.sha256])
        }
    }
}

/// One `direct_report_transition` row.
struct DirectReportTransitionRow: FetchableRecord {
    enum Columns: String, ColumnExpression {
        case id, at, actor, note
        case reportID = "report_id"
        case from = "from_status"
        case to = "to_status"
    }

    var reportID: Int64
    var transition: DirectReportTransition

    init(row: Row) throws {
        let id: Int64 = row[Columns.id]
        func fail(_ column: Columns) -> StoredRowError {
            StoredRowError(table: "direct_report_transition \(id)", column: column.rawValue)
        }
        guard let at = Instant(rfc3339: row[Columns.at] as String) else { throw fail(.at) }
        guard let to = DirectReportStatus(rawValue: row[Columns.to]) else { throw fail(.to) }
        var from: DirectReportStatus?
        if let text: String = row[Columns.from] {
            guard let status = DirectReportStatus(rawValue: text) else { throw fail(.from) }
            from = status
        }
        reportID = row[Columns.reportID]
        transition = DirectReportTransition(
            at: at, actor: row[Columns.actor], from: from, to: to, note: row[Columns.note])
    }
}
