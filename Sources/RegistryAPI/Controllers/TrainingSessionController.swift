import HTTPServer
import RegistryDomain

/// Training sessions and their attendance (DOMAIN.md "Training, exams, talent pool"), for trainers and regulators,
/// each within its region (a trainer without one: every region).
///
/// - `POST /v1/training-sessions`                  createTrainingSession  → 201 + `Location`
/// - `GET  /v1/training-sessions`                  listTrainingSessions   filters region, provider, mode, from, to
/// - `GET  /v1/training-sessions/{id}`             readTrainingSession    with its attendance list and an ETag
/// - `PUT  /v1/training-sessions/{id}/attendance`  replaceAttendance      the whole list, idempotent; If-Match optional
struct TrainingSessionController {
    let services: Services
    var training: TrainingUseCases { TrainingUseCases(configuration: services.configuration) }

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/training-sessions", .createTrainingSession, createSession)
        routes.protected(.get, "/v1/training-sessions", .listTrainingSessions, listSessions)
        routes.protected(.get, "/v1/training-sessions/{id}", .readTrainingSession, getSession)
        routes.protected(.put, "/v1/training-sessions/{id}/attendance", .replaceAttendance, replaceAttendance)
    }

    @Sendable func createSession(_ context: RequestContext) async throws -> HTTPResponse {
        let draft = try TrainingSessionJSON.draft(try JSONBody.object(context.request))
        let session = try TrainingSession.validated(draft, id: 0)
        let training = self.training
        let caller = context.caller
        let replayScope = ReplayScope.unchanged { caller.covers(sessionRegion: session.regionCode) }
        return try await services.perform(context, replayScope: replayScope, respond: Self.created) { writer in
            try training.createSession(session, in: writer, context)
        }
    }

    @Sendable func getSession(_ context: RequestContext) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        let (record, attendance) = try services.storage.read { reader in
            (try reader.trainingSession(id: id), try reader.attendance(ofSession: id))
        }
        guard let record, context.caller.covers(sessionRegion: record.session.regionCode) else {
            throw Problem.notFound()
        }
        return EntityTag.respond(
            to: context.request, body: TrainingSessionJSON.encode(record, attendance: attendance),
            etag: TrainingSessionJSON.entityTag(record))
    }

    @Sendable func listSessions(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        parameters.refuseUnknown(["region", "provider", "mode", "from", "to", "limit", "cursor"], into: &problems)
        var query = TrainingSessionQuery()
        query.regionPrefixes = parameters.regionPrefixes(within: context.caller, into: &problems)
        query.provider = parameters["provider"]
        if let text = parameters["mode"] {
            query.mode = TrainingMode(rawValue: text)
            if query.mode == nil { problems.add("mode", "unknown", "mode is online or offline") }
        }
        query.from = parameters.date("from", into: &problems)
        query.to = parameters.date("to", into: &problems)
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        query.afterID = page.afterID(into: &problems)
        try problems.throwIfAny()
        let records = try services.storage.read { try $0.trainingSessions(query) }
        let next = records.count == query.limit ? records.last.map { String($0.session.id) } : nil
        return Page.response(
            request: context.request, items: records.map { TrainingSessionJSON.encode($0) }, nextKey: next)
    }

    @Sendable func replaceAttendance(_ context: RequestContext) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw Problem.notFound() }
        let drafts = try TrainingSessionJSON.attendance(try JSONBody.array(context.request))
        let training = self.training
        return try await services.perform(context, respond: Self.replaced) { writer in
            let result = try training.replaceAttendance(ofSession: id, with: drafts, in: writer, context)
            let attendance = try writer.attendance(ofSession: id)
            return UseCaseResult(
                value: (result.value, attendance), audit: result.audit, changes: result.changes)
        }
    }

    @Sendable static func created(_ record: TrainingSessionRecord) -> HTTPResponse {
        HTTPResponse(
            status: .created,
            headers: [
                "Content-Type": "application/json", "ETag": TrainingSessionJSON.entityTag(record),
                "Location": "/v1/training-sessions/\(record.session.id)",
            ],
            bytes: TrainingSessionJSON.encode(record, attendance: []))
    }

    @Sendable static func replaced(_ value: (TrainingSessionRecord, [Attendance])) -> HTTPResponse {
        HTTPResponse(
            status: .ok,
            headers: ["Content-Type": "application/json", "ETag": TrainingSessionJSON.entityTag(value.0)],
            bytes: TrainingSessionJSON.encode(value.0, attendance: value.1))
    }
}
