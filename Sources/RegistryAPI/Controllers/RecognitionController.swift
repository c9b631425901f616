import HTTPServer
import RegistryDomain

/// Recognitions (000 §1, §4): exemplary cases (典型案例) and demonstration bases (示范基地) on an enterprise.
/// Regulators add, change and remove them; everyone in scope reads them, the enterprise its own.
///
/// - `GET    /v1/recognitions`                              listRecognitions            in scope; filters
/// - `GET    /v1/enterprises/{uscc}/recognitions`           listEnterpriseRecognitions  in scope
/// - `POST   /v1/enterprises/{uscc}/recognitions`           createRecognition           regulator in scope
/// - `GET    /v1/enterprises/{uscc}/recognitions/{id}`      getRecognition              in scope; ETag
/// - `PATCH  /v1/enterprises/{uscc}/recognitions/{id}`      updateRecognition           regulator; If-Match
/// - `DELETE /v1/enterprises/{uscc}/recognitions/{id}`      deleteRecognition           regulator
struct RecognitionController {
    let services: Services

    func register(_ routes: inout Routes) {
        let one = "/v1/enterprises/{uscc}/recognitions/{id}"
        routes.protected(.get, "/v1/recognitions", .listRecognitions, listRecognitions)
        routes.protected(
            .get, "/v1/enterprises/{uscc}/recognitions", .listEnterpriseRecognitions, listEnterpriseRecognitions)
        routes.protected(.post, "/v1/enterprises/{uscc}/recognitions", .manageRecognitions, createRecognition)
        routes.protected(.get, one, .readRecognition, getRecognition)
        routes.protected(.patch, one, .manageRecognitions, updateRecognition)
        routes.protected(.delete, one, .manageRecognitions, deleteRecognition)
    }

    @Sendable func listRecognitions(_ context: RequestContext) async throws -> HTTPResponse {
        var query = try Self.query(context, extra: ["region", "uscc"])
        var problems = ViolationCollector()
        query.regionPrefixes = context.request.queryParameters.regionPrefixes(within: context.caller, into: &problems)
        if let text = context.request.queryParameters["uscc"] {
            query.uscc = problems.check { () throws(ValidationFailure) in try USCC(text, field: "uscc") }
        }
        try problems.throwIfAny()
        if context.caller.role == .enterprise {
            if let asked = query.uscc, asked != context.caller.uscc { query.limit = 0 }
            query.uscc = context.caller.uscc
        }
        return try page(context, query)
    }

    @Sendable func listEnterpriseRecognitions(_ context: RequestContext) async throws -> HTTPResponse {
        let uscc = try EnterpriseController.pathUSCC(context)
        guard let enterprise = try services.storage.read({ try $0.enterprise(uscc, on: context.today) }),
            context.caller.covers(region: enterprise.enterprise.regionCode, uscc: uscc)
        else { throw Problem.notFound() }
        var query = try Self.query(context, extra: [])
        query.uscc = uscc
        return try page(context, query)
    }

    @Sendable func getRecognition(_ context: RequestContext) async throws -> HTTPResponse {
        let record = try Self.record(try services.storage.read { try Self.found(context, in: $0) }, context)
        let (body, etag) = RecognitionJSON.document(record)
        return EntityTag.respond(to: context.request, body: body, etag: etag)
    }

    @Sendable func createRecognition(_ context: RequestContext) async throws -> HTTPResponse {
        let uscc = try EnterpriseController.pathUSCC(context)
        let validated = try Recognition.validated(
            try RecognitionJSON.draft(try JSONBody.object(context.request)), id: 0, uscc: uscc, today: context.today)
        let caller = context.caller
        let request = context.request
        return try await services.mutate(context, replayScope: .enterprise(uscc, caller, on: context.today)) { writer in
            guard let enterprise = try writer.enterprise(uscc, on: context.today),
                caller.covers(region: enterprise.enterprise.regionCode, uscc: uscc)
            else { throw Problem.notFound() }
            let stored = try writer.insert(validated, actor: caller.actorLabel, at: context.now)
            guard let record = try writer.recognition(id: stored.id) else { throw StoreError.notFound }
            let (body, etag) = RecognitionJSON.document(record)
            return MutationOutcome(
                response: HTTPResponse(
                    status: .created,
                    headers: [
                        "Content-Type": "application/json", "ETag": etag,
                        "Location": "/v1/enterprises/\(uscc.value)/recognitions/\(stored.id)",
                    ],
                    bytes: body),
                audit: [
                    AuditNote(
                        action: "recognition.create", resource: "recognition/\(stored.id)",
                        regionCode: record.regionCode, change: request.body)
                ],
                changes: [
                    ChangeEvents.recognition(stored, kind: "created", region: record.regionCode, at: context.now)
                ])
        }
    }

    @Sendable func updateRecognition(_ context: RequestContext) async throws -> HTTPResponse {
        let patch = try JSONBody.object(
            context.request, mediaTypes: ["application/merge-patch+json", "application/json"])
        let request = context.request
        return try await services.mutate(context) { writer in
            let current = try Self.record(try Self.found(context, in: writer), context)
            try EntityTag.requireMatch(request, current: RecognitionJSON.document(current).etag)
            let draft = try RecognitionJSON.patched(current.recognition, with: patch)
            let updated = try Recognition.validated(
                draft, id: current.recognition.id, uscc: current.recognition.uscc, today: context.today)
            try writer.update(updated)
            guard let record = try writer.recognition(id: updated.id) else { throw StoreError.notFound }
            let (body, etag) = RecognitionJSON.document(record)
            return MutationOutcome(
                response: HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json", "ETag": etag], bytes: body),
                audit: [
                    AuditNote(
                        action: "recognition.update", resource: "recognition/\(updated.id)",
                        regionCode: record.regionCode, change: request.body)
                ],
                changes: [
                    ChangeEvents.recognition(updated, kind: "updated", region: record.regionCode, at: context.now)
                ])
        }
    }

    @Sendable func deleteRecognition(_ context: RequestContext) async throws -> HTTPResponse {
        let request = context.request
        return try await services.mutate(context) { writer in
            let current = try Self.record(try Self.found(context, in: writer), context)
            let (body, etag) = RecognitionJSON.document(current)
            try EntityTag.requireMatch(request, current: etag, required: false)
            try writer.deleteRecognition(id: current.recognition.id)
            return MutationOutcome(
                response: HTTPResponse(status: .noContent),
                audit: [
                    AuditNote(
                        action: "recognition.delete", resource: "recognition/\(current.recognition.id)",
                        regionCode: current.regionCode, change: body)
                ],
                changes: [
                    ChangeEvents.recognition(
                        current.recognition, kind: "deleted", region: current.regionCode, at: context.now)
                ])
        }
    }

    // MARK: - Helpers

    /// The recognition the path names, read with `reader`; nil when there is none.
    static func found(_ context: RequestContext, in reader: any RegistryReader) throws -> RecognitionRecord? {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }), id > 0 else { return nil }
        return try reader.recognition(id: id)
    }

    /// `record` when it belongs to the path's enterprise and lies within the caller's scope; 404 otherwise.
    static func record(_ record: RecognitionRecord?, _ context: RequestContext) throws -> RecognitionRecord {
        let uscc = try EnterpriseController.pathUSCC(context)
        guard let record, record.recognition.uscc == uscc,
            context.caller.covers(region: record.regionCode, uscc: uscc)
        else { throw Problem.notFound() }
        return record
    }

    /// The filters every recognition list takes (`kind`, `level`, `year`, paging), and `extra` names.
    static func query(_ context: RequestContext, extra: Set<String>) throws -> RecognitionQuery {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        var query = RecognitionQuery()
        parameters.refuseUnknown(Set(["kind", "level", "year", "limit", "cursor"]).union(extra), into: &problems)
        if let text = parameters["kind"] {
            query.kind = RecognitionKind(rawValue: text)
            if query.kind == nil { problems.add("kind", "unknown", "kind is exemplary_case or demonstration_base") }
        }
        if let text = parameters["level"] {
            query.level = RecognitionLevel(rawValue: text)
            if query.level == nil { problems.add("level", "unknown", "level is national, provincial or city") }
        }
        if let text = parameters["year"] {
            query.year = Int(text)
            if query.year == nil { problems.add("year", "type", "year is a whole number") }
        }
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        if let after = page.after {
            query.afterID = Int64(after)
            if query.afterID == nil { problems.add("cursor", "format", "cursor is not one this server gave out") }
        }
        try problems.throwIfAny()
        return query
    }

    private func page(_ context: RequestContext, _ query: RecognitionQuery) throws -> HTTPResponse {
        let records = try services.storage.read { try $0.recognitions(query) }
        let next =
            query.limit > 0 && records.count == query.limit ? records.last.map { String($0.recognition.id) } : nil
        return Page.response(
            request: context.request, items: records.map { RecognitionJSON.document($0).body }, nextKey: next)
    }
}
