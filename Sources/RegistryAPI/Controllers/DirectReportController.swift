import CryptoSupport
import HTTPServer
import RegistryDomain

/// Quality-safety direct reports (质量安全直报, 001 §(十一)): a registered CQO reports a problem straight to the
/// bureau. The enterprise sees only its own reports; a regulator those of its region; another enterprise's report
/// is 404.
///
/// - `POST /v1/reports`                  fileDirectReport     an enterprise with a registered CQO today (else 409)
/// - `GET  /v1/reports`                  listDirectReports    that enterprise (its own), regulator; filters
/// - `GET  /v1/reports/{id}`             getDirectReport      that enterprise, regulator; ETag
/// - `GET  /v1/reports/{id}/attachment`  getDirectReportAttachment  that enterprise, regulator
///
/// The optional attachment (`{content_type, content_base64}`) is checked as filing documents are
/// (`DocumentPolicy`: PDF, JPEG or PNG by its bytes, at most `documentSizeLimit` bytes) and kept with its SHA-256.
struct DirectReportController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/reports", .fileDirectReport, body: .jsonWithDocument, fileDirectReport)
        routes.protected(.get, "/v1/reports", .listDirectReports, listDirectReports)
        routes.protected(.get, "/v1/reports/{id}", .readDirectReport, getDirectReport)
        routes.protected(.get, "/v1/reports/{id}/attachment", .readDirectReport, getDirectReportAttachment)
    }

    @Sendable func fileDirectReport(_ context: RequestContext) async throws -> HTTPResponse {
        guard let uscc = context.caller.uscc else { throw Problem.notFound() }
        let (draft, upload) = try DirectReportJSON.filing(try JSONBody.object(context.request))
        let report = try DirectReport.validated(draft, id: 0, uscc: uscc, filedAt: try context.instant)
        var attachment: (attachment: DirectReportAttachment, content: [UInt8])?
        if let upload {
            let policy = DocumentPolicy(maximumBytes: services.configuration.documentSizeLimit)
            let format = try policy.accepted(mediaType: upload.mediaType, bytes: upload.content)
            attachment = (
                DirectReportAttachment(format: format, size: upload.content.count, sha256: SHA256.hex(upload.content)),
                upload.content
            )
        }
        let caller = context.caller
        let request = context.request
        let stored = attachment
        return try await services.mutate(context, replayScope: .enterprise(uscc, caller, on: context.today)) { writer in
            guard let enterprise = try writer.enterprise(uscc, on: context.today),
                caller.covers(
                    region: enterprise.enterprise.regionCode, uscc: uscc)
            else { throw Problem.notFound() }
            if let refusal = DirectReport.filingRefusal(
                uscc: uscc, appointments: try writer.appointments(of: uscc), today: context.today)
            {
                throw Problem(
                    .conflict, type: ProblemType.conflict, title: "Only a registered CQO files direct reports",
                    detail: refusal)
            }
            let filed = try writer.insert(report, filedBy: caller.actorLabel, attachment: stored)
            guard let record = try writer.directReport(id: filed.id) else { throw StoreError.notFound }
            let (body, etag) = DirectReportJSON.document(record)
            return MutationOutcome(
                response: HTTPResponse(
                    status: .created,
                    headers: ["Content-Type": "application/json", "ETag": etag, "Location": "/v1/reports/\(filed.id)"],
                    bytes: body),
                audit: [
                    AuditNote(
                        action: "direct_report.file", resource: "direct_report/\(filed.id)",
                        regionCode: record.regionCode, change: request.body)
                ],
                changes: [ChangeEvents.directReport(filed, kind: "filed", region: record.regionCode, at: context.now)])
        }
    }

    @Sendable func listDirectReports(_ context: RequestContext) async throws -> HTTPResponse {
        let query = try Self.query(context)
        let records = try services.storage.read { try $0.directReports(query) }
        let next = records.count == query.limit ? records.last.map { String($0.report.id) } : nil
        let items = records.map { DirectReportJSON.document($0).body }
        return Page.response(request: context.request, items: items, nextKey: next)
    }

    @Sendable func getDirectReport(_ context: RequestContext) async throws -> HTTPResponse {
        let record = try Self.record(context, services: services)
        let (body, etag) = DirectReportJSON.document(record)
        return EntityTag.respond(to: context.request, body: body, etag: etag)
    }

    @Sendable func getDirectReportAttachment(_ context: RequestContext) async throws -> HTTPResponse {
        let record = try Self.record(context, services: services)
        guard
            let (attachment, content) = try services.storage.read({
                try $0.directReportAttachment(reportID: record.report.id)
            })
        else { throw Problem.notFound("this report has no attachment") }
        let suffix = attachment.format == .jpeg ? "jpg" : attachment.format.rawValue
        return EntityTag.respond(
            to: context.request, body: content, etag: "\"" + String(attachment.sha256.prefix(16)) + "\"",
            contentType: attachment.format.mediaType,
            extraHeaders: [
                "Content-Disposition": "attachment; filename=\"report-\(record.report.id).\(suffix)\"",
                "X-Content-SHA256": attachment.sha256,
            ])
    }

    // MARK: - Helpers

    /// The report named by the path, when it lies within the caller's scope (else 404).
    static func record(_ context: RequestContext, services: Services) throws -> DirectReportRecord {
        let id = try pathID(context)
        guard let record = try services.storage.read({ try $0.directReport(id: id) }),
            context.caller.covers(region: record.regionCode, uscc: record.report.uscc)
        else { throw Problem.notFound() }
        return record
    }

    static func pathID(_ context: RequestContext) throws(Problem) -> Int64 {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }), id > 0 else { throw Problem.notFound() }
        return id
    }

    /// The list's filters: `status`, `severity`, `region`, `uscc`, `from`/`to` (dates filed, China Standard Time),
    /// within the caller's scope (an enterprise only ever lists its own).
    static func query(_ context: RequestContext) throws -> DirectReportQuery {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        var query = DirectReportQuery()
        parameters.refuseUnknown(
            ["status", "severity", "region", "uscc", "from", "to", "limit", "cursor"], into: &problems)
        query.regionPrefixes = parameters.regionPrefixes(within: context.caller, into: &problems)
        if let text = parameters["uscc"] {
            query.uscc = problems.check { () throws(ValidationFailure) in try USCC(text, field: "uscc") }
        }
        if context.caller.role == .enterprise {
            // Another enterprise's reports are not there to be asked for: the filter names nothing else.
            if let asked = query.uscc, asked != context.caller.uscc { query.limit = 0 }
            query.uscc = context.caller.uscc
        }
        if let text = parameters["status"] {
            query.status = DirectReportStatus(rawValue: text)
            if query.status == nil { problems.add("status", "unknown", "status is open, acknowledged or closed") }
        }
        if let text = parameters["severity"] {
            query.severity = DirectReportSeverity(rawValue: text)
            if query.severity == nil {
                problems.add("severity", "unknown", "severity is low, medium, high or critical")
            }
        }
        let from = problems.check { () throws(ValidationFailure) in
            try parameters["from"].map { text throws(ValidationFailure) in try CivilDate.parsed(text, field: "from") }
        }
        let to = problems.check { () throws(ValidationFailure) in
            try parameters["to"].map { text throws(ValidationFailure) in try CivilDate.parsed(text, field: "to") }
        }
        // Days begin at 00:00 China Standard Time (UTC+8).
        query.filedFrom = (from ?? nil).map { Instant(utc: $0).adding(milliseconds: -8 * 3_600_000) }
        query.filedBefore = (to ?? nil).map { Instant(utc: $0.adding(days: 1)).adding(milliseconds: -8 * 3_600_000) }
        let page = Page(parameters, problems: &problems)
        if query.limit != 0 { query.limit = page.limit }
        if let after = page.after {
            query.afterID = Int64(after)
            if query.afterID == nil { problems.add("cursor", "format", "cursor is not one this server gave out") }
        }
        try problems.throwIfAny()
        return query
    }
}
