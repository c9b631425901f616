import CryptoSupport
import HTTPServer
import RegistryDomain

/// Documents attached to a filing (001 §(十五)): the appointment decision and the commitment letter.
///
/// - `PUT /v1/appointments/{id}/documents/{kind}`  uploadDocument    that enterprise, regulator
/// - `GET /v1/appointments/{id}/documents/{kind}`  downloadDocument  that enterprise, admin, regulator (audited)
///
/// PDF, JPEG or PNG, recognised by the bytes (the declared `Content-Type` must agree), at most
/// `documentSizeLimit` bytes, kept with its SHA-256. A re-upload adds a version (the old one is kept) and must
/// carry `If-Match` with the current document's ETag: 428 without it, 412 when stale.
struct DocumentController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(
            .put, "/v1/appointments/{id}/documents/{kind}", .uploadDocument, body: .document, uploadDocument)
        routes.protected(.get, "/v1/appointments/{id}/documents/{kind}", .downloadDocument, downloadDocument)
    }

    @Sendable func uploadDocument(_ context: RequestContext) async throws -> HTTPResponse {
        let kind = try Self.kind(context)
        let record = try AppointmentController.record(context, services: services)
        let content = context.request.body
        guard !content.isEmpty else {
            throw ValidationFailure(field: "body", code: "required", message: "the document is empty")
        }
        let policy = DocumentPolicy(maximumBytes: services.configuration.documentSizeLimit)
        let format = try policy.accepted(mediaType: context.request.headers["Content-Type"], bytes: content)
        let document = AppointmentDocument(
            appointmentID: record.appointment.id, kind: kind, format: format, size: content.count,
            sha256: SHA256.hex(content), uploadedAt: context.now, uploadedBy: context.caller.actorLabel)
        let request = context.request
        let caller = context.caller
        return try await services.mutate(context) { writer in
            // Scope again inside the transaction: the enterprise may have moved since the read above.
            guard let latest = try writer.appointment(id: document.appointmentID),
                caller.covers(region: latest.regionCode, uscc: latest.appointment.uscc)
            else { throw Problem.notFound() }
            if let current = try writer.latestDocument(appointmentID: document.appointmentID, kind: kind) {
                try EntityTag.requireMatch(request, current: Self.etag(current.document))
                // PUT is idempotent: the same bytes again are the current version, not a new one.
                if current.document.sha256 == document.sha256 && current.document.format == document.format {
                    return MutationOutcome(
                        response: HTTPResponse(
                            status: .ok,
                            headers: ["Content-Type": "application/json", "ETag": Self.etag(current.document)],
                            bytes: Self.encode(current.document)),
                        audit: [])
                }
            }
            let stored = try writer.insert(document, content: content)
            let body = Self.encode(stored)
            let path = "/v1/appointments/\(stored.appointmentID)/documents/\(kind.rawValue)"
            return MutationOutcome(
                response: HTTPResponse(
                    status: stored.version == 1 ? .created : .ok,
                    headers: ["Content-Type": "application/json", "ETag": Self.etag(stored), "Location": path],
                    bytes: body),
                audit: [
                    AuditNote(
                        action: "appointment.document_upload", resource: "appointment/\(stored.appointmentID)",
                        regionCode: latest.regionCode, change: body)
                ],
                changes: [
                    ChangeEvents.appointment(
                        latest.appointment, kind: "document_uploaded", region: latest.regionCode, at: context.now)
                ])
        }
    }

    @Sendable func downloadDocument(_ context: RequestContext) async throws -> HTTPResponse {
        let kind = try Self.kind(context)
        let record = try AppointmentController.record(context, services: services)
        guard
            let (document, content) = try services.storage.read({
                try $0.latestDocument(appointmentID: record.appointment.id, kind: kind)
            })
        else { throw Problem.notFound("no \(kind.rawValue) document was uploaded") }
        let suffix = document.format == .jpeg ? "jpg" : document.format.rawValue
        let response = EntityTag.respond(
            to: context.request, body: content, etag: Self.etag(document), contentType: document.format.mediaType,
            extraHeaders: [
                "Content-Disposition": "attachment; filename=\"\(kind.rawValue)-v\(document.version).\(suffix)\"",
                "X-Document-Version": String(document.version), "X-Content-SHA256": document.sha256,
            ])
        // The decision and the commitment letter show the person's ID number whole: an admin's or regulator's
        // download is a personal-data read.
        if response.status == .ok {
            try await services.auditPersonalDataRead(context, reads: [record.personalDataRead])
        }
        return response
    }

    // MARK: - Helpers

    static func kind(_ context: RequestContext) throws(Problem) -> DocumentKind {
        guard let kind = context.parameters["kind"].flatMap(DocumentKind.init(rawValue:)) else {
            throw Problem.notFound("a document is decision or commitment")
        }
        return kind
    }

    /// The document's strong tag: derived from its SHA-256, as `EntityTag.of` would be from its bytes.
    static func etag(_ document: AppointmentDocument) -> String { "\"" + String(document.sha256.prefix(16)) + "\"" }

    static func encode(_ document: AppointmentDocument) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("appointment_id", Int(document.appointmentID))
        json.member("content_type", document.format.mediaType)
        json.member("kind", document.kind.rawValue)
        json.member("sha256", document.sha256)
        json.member("size", document.size)
        json.member("uploaded_at", document.uploadedAt)
        json.member("uploaded_by", document.uploadedBy)
        json.member("version", document.version)
        json.endObject()
        return json.bytes
    }
}
