import Foundation
import HTTPServer
import RegistryDomain

/// Direct reports on the wire (API.md "Direct report"): `subject`, `body`, `severity`; read-only `id`, `uscc`,
/// `status`, `filed_at`, `acknowledged_at`, `closed_at`, `region_code`, `attachment` (metadata; the content is at
/// `/v1/reports/{id}/attachment`) and `history`. Keys sorted.
enum DirectReportJSON {
    static let readOnlyFields: Set<String> = [
        "id", "uscc", "status", "filed_at", "acknowledged_at", "closed_at", "region_code", "history",
    ]

    /// A filing's fields, and its attachment (`{content_type, content_base64}`) decoded but not yet checked.
    static func filing(_ members: [(String, JSONValue)]) throws(ValidationFailure)
        -> (draft: DirectReport.Draft, attachment: (mediaType: String?, content: [UInt8])?)
    {
        var fields = JSONFields(members)
        let draft = DirectReport.Draft(
            subject: fields.string("subject"), body: fields.string("body"), severity: fields.string("severity"))
        var attachment: (mediaType: String?, content: [UInt8])?
        if var nested = fields.object("attachment") {
            let mediaType = nested.string("content_type")
            let encoded = nested.string("content_base64")
            nested.refuseUnread(readOnly: ["size", "sha256"])
            fields.absorb(nested)
            if mediaType == nil {
                fields.problems.add(.required("attachment.content_type", "content_type is required"))
            }
            if let encoded {
                if let data = Data(base64Encoded: encoded), !data.isEmpty {
                    attachment = (mediaType, Array(data))
                } else {
                    fields.problems.add(
                        "attachment.content_base64", "format", "content_base64 is the file's non-empty base64 text")
                }
            } else {
                fields.problems.add(.required("attachment.content_base64", "content_base64 is required"))
            }
        }
        fields.refuseUnread(readOnly: readOnlyFields)
        try fields.problems.throwIfAny()
        return (draft, attachment)
    }

    /// The representation and its strong entity tag.
    static func document(_ record: DirectReportRecord) -> (body: [UInt8], etag: String) {
        var json = JSONWriter()
        write(record, into: &json)
        return (json.bytes, EntityTag.of(json.bytes))
    }

    static func write(_ record: DirectReportRecord, into json: inout JSONWriter) {
        let report = record.report
        json.beginObject()
        json.member("acknowledged_at", orNull: report.acknowledgedAt?.fixedWidthText)
        json.key("attachment")
        if let attachment = record.attachment {
            json.beginObject()
            json.member("content_type", attachment.format.mediaType)
            json.member("href", "/v1/reports/\(report.id)/attachment")
            json.member("sha256", attachment.sha256)
            json.member("size", attachment.size)
            json.endObject()
        } else {
            json.null()
        }
        json.member("body", report.body)
        json.member("closed_at", orNull: report.closedAt?.fixedWidthText)
        json.member("filed_at", report.filedAt.fixedWidthText)
        json.key("history")
        json.beginArray()
        for step in record.history {
            json.beginObject()
            json.member("actor", step.actor)
            json.member("at", step.at.fixedWidthText)
            json.member("from", orNull: step.from?.rawValue)
            json.member("note", orNull: step.note)
            json.member("to", step.to.rawValue)
            json.endObject()
        }
        json.endArray()
        json.member("id", Int(report.id))
        json.member("region_code", record.regionCode.value)
        json.member("severity", report.severity.rawValue)
        json.member("status", report.status.rawValue)
        json.member("subject", report.subject)
        json.member("uscc", report.uscc.value)
        json.endObject()
    }
}
