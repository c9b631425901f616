import Foundation
import GRDB
import RegistryDomain

// MARK: - DirectReportReader, DirectReportWriter

extension SQLiteAccess {
    static let reportSelection = """
        SELECT r.id, r.uscc, r.subject, r.body, r.severity, r.status, r.filed_at, r.acknowledged_at, r.closed_at,
               r.revision, e.region_code, a.content_type, a.size, a.sha256
        FROM direct_report r JOIN enterprise e ON e.uscc = r.uscc
        LEFT JOIN direct_report_attachment a ON a.report_id = r.id
        """

    func directReport(id: Int64) throws -> DirectReportRecord? {
        guard
            let row = try DirectReportRow.fetchOne(
                db, sql: Self.reportSelection + " WHERE r.id = ?", arguments: [id])
        else { return nil }
        return try records([row]).first
    }

    func directReports(_ query: DirectReportQuery) throws -> [DirectReportRecord] {
        var filter = ListFilter(afterID: query.afterID, limit: query.limit, idColumn: "r.id")
        filter.regionPrefixes(query.regionPrefixes, column: "e.region_code")
        filter.compare("r.uscc", query.uscc?.value)
        filter.compare("r.status", query.status?.rawValue)
        filter.compare("r.severity", query.severity?.rawValue)
        filter.compare("r.filed_at", query.filedFrom?.fixedWidthText, operator: ">=")
        filter.compare("r.filed_at", query.filedBefore?.fixedWidthText, operator: "<")
        let rows = try DirectReportRow.fetchAll(
            db, sql: Self.reportSelection + " WHERE \(filter.clause) ORDER BY r.id LIMIT :limit",
            arguments: filter.statementArguments)
        return try records(rows)
    }

    /// The rows with their histories, read in one query.
    private func records(_ rows: [DirectReportRow]) throws -> [DirectReportRecord] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.report.id)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let steps = try DirectReportTransitionRow.fetchAll(
            db,
            sql: """
                SELECT id, report_id, at, actor, from_status, to_status, note FROM direct_report_transition
                WHERE report_id IN (\(placeholders)) ORDER BY report_id, id
                """,
            arguments: StatementArguments(ids))
        let history = Dictionary(grouping: steps, by: \.reportID)
        return rows.map { row in
            DirectReportRecord(
                report: row.report, regionCode: row.regionCode,
                history: (history[row.report.id] ?? []).map(\.transition), attachment: row.attachment,
                revision: row.revision)
        }
    }

    func directReportAttachment(reportID: Int64) throws
        -> (attachment: DirectReportAttachment, content: [UInt8])?
    {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT content_type, size, sha256, content FROM direct_report_attachment WHERE report_id = ?",
                arguments: [reportID])
        else { return nil }
        guard let format = DocumentFormat(mediaType: row[0] as String) else {
            throw StoredRowError(table: "direct_report_attachment \(reportID)", column: "content_type")
        }
        let content: Data = row[3]
        return (DirectReportAttachment(format: format, size: row[1], sha256: row[2]), Array(content))
    }

    func insert(
        _ report: DirectReport, filedBy actor: String,
        attachment: (attachment: DirectReportAttachment, content: [UInt8])?
    ) throws -> DirectReport {
        try db.execute(
            sql: """
                INSERT INTO direct_report (uscc, subject, body, severity, status, filed_at, acknowledged_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                report.uscc.value, report.subject, report.body, report.severity.rawValue, report.status.rawValue,
                report.filedAt.fixedWidthText, report.acknowledgedAt?.fixedWidthText, report.closedAt?.fixedWidthText,
            ])
        var stored = report
        stored.id = db.lastInsertedRowID
        try append(
            DirectReportTransition(at: report.filedAt, actor: actor, from: nil, to: report.status), to: stored.id)
        if let attachment {
            try db.execute(
                sql: """
                    INSERT INTO direct_report_attachment (report_id, content_type, size, sha256, content)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    stored.id, attachment.attachment.format.mediaType, attachment.content.count,
                    attachment.attachment.sha256, Data(attachment.content),
                ])
        }
        return stored
    }

    func save(_ report: DirectReport, transition: DirectReportTransition) throws {
        try db.execute(
            sql: """
                UPDATE direct_report SET status = ?, acknowledged_at = ?, closed_at = ?, revision = revision + 1
                WHERE id = ?
                """,
            arguments: [
                report.status.rawValue, report.acknowledgedAt?.fixedWidthText, report.closedAt?.fixedWidthText,
                report.id,
            ])
        if db.changesCount == 0 { throw StoreError.notFound }
        try append(transition, to: report.id)
    }

    private func append(_ transition: DirectReportTransition, to reportID: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO direct_report_transition (report_id, at, actor, from_status, to_status, note)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                reportID, transition.at.fixedWidthText, transition.actor, transition.from?.rawValue,
                transition.to.rawValue, transition.note,
            ])
    }
}
