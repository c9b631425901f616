import CryptoSupport
import HTTPServer
import RegistryDomain

/// Documents attached to a filing (001 §(十五)): the appointment decision and the commitment letter.
///
/// - `PUT /v1/appointments/{id}/documents/{kind}`  uploadDocument    that enterprise, regulator
/// - `GET /v1/appointments/{id}/documents/{kind}`  downloadDocument  in scope
///
/// PDF, JPEG or PNG, recognised by the bytes (the declared `Content-Type` must agree), at most
/// `documentSizeLimit` bytes, kept with its SHA-256. A re-upload adds a version (the old one is kept) and must
/// carry `If-Match` with the current document's ETag: 428 without it, 412 when stale.
struct DocumentController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.put, "/v1/appointments/{id}/documents/{kind}", .uploadDocument, uploadDocument)
        routes.protected(.get, "/v1/appointments/{id}/documents/{kind}", .downloadDocument, downloadDocument)
    }

    @Sendable func uploadDocument(_ context: RequestContext) async throws -> HTTPResponse {
        let kind = try Self.kind(context)
        let record = try AppointmentController.record(context, services: services)
        let content = context.request.body
        let contentType = try Self.contentType(of: context.request, limit: services.configuration.documentSizeLimit)
        let document = AppointmentDocument(
            appointmentID: record.appointment.id, kind: kind, contentType: contentType, size: content.count,
            sha256: SHA256.hex(content), uploadedAt: context.now, uploadedBy: context.caller.actorLabel)
        let request = context.request
        return try await services.mutate(context) { writer in
            if let current = try writer.latestDocument(appointmentID: document.appointmentID, kind: kind) {
                try EntityTag.requireMatch(request, current: Self.etag(current.document))
            }
            let stored = try writer.insert(document, content: content)
            let body = Self.encode(stored)
            let path = "/v1/appointments/\(stored.appointmentID)/documents/\(kind.rawValue)"
            return MutationOutcome(
                response: HTTPResponse(
                    status: stored.version == 1 ? .created : .ok,
                    headers: ["Content-Type": "application/json", "ETag": Self.etag(stored), "Location": path],
                    bytes: body),
                audit: [AuditNote(action: "appointment.document_upload", resource: "appointment/\(stored.appointmentID)", change: body)],
                changes: [
                    ChangeEvents.appointment(
                        record.appointment, kind: "document_uploaded", region: record.regionCode, at: context.now)
                ])
        }
    }

    @Sendable func downloadDocument(_ context: RequestContext) async throws -> HTTPResponse {
        let kind = try Self.kind(context)
        let record = try AppointmentController.record(context, services: services)
        guard let (document, content) = try services.storage.read({ try $0.latestDocument(appointmentID: record.appointment.id, kind: kind) })
        else { throw Problem.notFound("no \(kind.rawValue) document was uploaded") }
        let extension_ = ["application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"][document.contentType.rawValue] ?? "bin"
        return EntityTag.respond(
            to: context.request, body: content, etag: Self.etag(document), contentType: document.contentType.rawValue,
            extraHeaders: [
                "Content-Disposition": "attachment; filename=\"\(kind.rawValue)-v\(document.version).\(extension_)\"",
                "X-Document-Version": String(document.version), "X-Content-SHA256": document.sha256,
            ])
    }

    // MARK: - Helpers

    static func kind(_ context: RequestContext) throws(Problem) -> AppointmentDocument.Kind {
        guard let kind = context.parameters["kind"].flatMap(AppointmentDocument.Kind.init(rawValue:)) else {
            throw Problem.notFound("a document is decision or commitment")
        }
        return kind
    }

    /// The upload's format: declared and sniffed must agree. Too large → 413; empty → 422; else → 415.
    static func contentType(of request: HTTPRequest, limit: Int) throws -> AppointmentDocument.ContentType {
        guard request.body.count <= limit else {
            throw Problem(.contentTooLarge, type: ProblemType.malformed, detail: "a document has at most \(limit) bytes")
        }
        guard !request.body.isEmpty else {
            throw ValidationFailure(field: "body", code: "required", message: "the document is empty")
        }
        let declared = request.headers["Content-Type"].map(MediaType.essence)
        guard let sniffed = AppointmentDocument.ContentType.sniffed(request.body), declared == sniffed.rawValue else {
            throw Problem(
                .unsupportedMediaType, type: ProblemType.unsupportedMediaType,
                detail: "send a PDF, JPEG or PNG with its Content-Type (application/pdf, image/jpeg, image/png); the bytes decide")
        }
        return sniffed
    }

    /// The document's strong tag: derived from its SHA-256, as `EntityTag.of` would be from its bytes.
    static func etag(_ document: AppointmentDocument) -> String { "\"" + String(document.sha256.prefix(16)) + "\"" }

    static func encode(_ document: AppointmentDocument) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("appointment_id", Int(document.appointmentID))
        json.member("content_type", document.contentType.rawValue)
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
