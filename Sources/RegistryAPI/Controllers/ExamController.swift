import HTTPServer
import RegistryDomain

/// Exam attempts (考核) and the certificates passes issue, for trainers and regulators within their region.
///
/// - `POST /v1/exams`         recordExam   one attempt → 201 with `passed` and, on a pass, `certificate`
/// - `POST /v1/exams/import`  importExams  a class's results as CSV, all-or-nothing with a per-line 422, `?dry_run=`
struct ExamController {
    let services: Services
    var training: TrainingUseCases { TrainingUseCases(configuration: services.configuration) }

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/exams", .recordExam, recordExam)
        routes.protected(.post, "/v1/exams/import", .importExams, body: .examResults, importExams)
    }

    @Sendable func recordExam(_ context: RequestContext) async throws -> HTTPResponse {
        var fields = JSONFields(try JSONBody.object(context.request))
        let draft = ExamAttempt.Draft(
            personID: fields.int64("person_id"), takenOn: fields.string("taken_on"), score: fields.int("score"),
            sessionID: fields.int64("session_id"))
        fields.refuseUnread(readOnly: ["id", "passed", "pass_mark", "certificate", "certificate_issued"])
        try fields.problems.throwIfAny()
        let attempt = try ExamAttempt.validated(draft, today: context.today, policy: services.configuration.examPolicy)
        let training = self.training
        let today = context.today
        return try await services.perform(
            context, replayScope: .filedPerson(attempt.personID, context.caller),
            respond: { outcome in
                let body = CertificateJSON.exam(outcome, today: today)
                return HTTPResponse(
                    status: .created,
                    headers: [
                        "Content-Type": "application/json", "ETag": EntityTag.of(body),
                        "Location": "/v1/people/\(outcome.attempt.personID)",
                    ],
                    bytes: body)
            }
        ) { writer in try training.recordExam(attempt, in: writer, context) }
    }

    @Sendable func importExams(_ context: RequestContext) async throws -> HTTPResponse {
        try CSVReader.requireCSV(context.request, what: "the results")
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        parameters.refuseUnknown(["dry_run"], into: &problems, what: "an option of the import")
        let dryRun = parameters.boolean("dry_run", into: &problems) ?? false
        try problems.throwIfAny()
        let body = context.request.body
        guard body.count <= services.configuration.examImportSizeLimit else {
            throw Problem(
                .contentTooLarge, type: ProblemType.malformed,
                detail: "exam results are at most \(services.configuration.examImportSizeLimit) bytes; split the class")
        }
        let charset = MediaType.parameter("charset", of: context.request.headers["Content-Type"] ?? "")
        let today = context.today
        let policy = services.configuration.examPolicy
        let parsed = try await OffLoop.run { () throws -> ExamImport.Parsed in
            let text: String
            do { text = try RosterTextDecoding.decode(body, declaredCharset: charset) } catch {
                throw ValidationFailure(
                    field: "body", code: "encoding", message: "the file is neither UTF-8 nor GB18030 text")
            }
            return ExamImport.parse(text, today: today, policy: policy)
        }
        guard parsed.problems.isEmpty else {
            // A bad header condemns the file as one invalid line.
            throw ExamImportRejected(lines: parsed.lines, invalid: max(parsed.invalid, 1), problems: parsed.problems)
        }
        let training = self.training
        do {
            return try await services.perform(context, respond: { Self.report($0, dryRun: false) }) { writer in
                var outcomes: [ExamOutcome] = []
                var audit: [AuditNote] = []
                var changes: [ChangeEvent] = []
                var refused = ViolationReport()
                var refusedLines = 0
                for (line, attempt) in parsed.attempts {
                    do {
                        let result = try training.recordExam(attempt, in: writer, context)
                        outcomes.append(result.value)
                        audit += result.audit
                        changes += result.changes
                    } catch let failure as ValidationFailure {
                        refusedLines += 1
                        for violation in failure.violations {
                            refused.add(
                                FieldViolation(
                                    field: violation.field, code: violation.code, message: violation.message, line: line
                                ))
                        }
                    }
                }
                if !refused.isEmpty {
                    throw ExamImportRejected(lines: parsed.lines, invalid: refusedLines, problems: refused)
                }
                // A dry run has checked every line against the registry; it rolls the transaction back.
                if dryRun { throw ExamImportDryRun(outcomes: outcomes) }
                return UseCaseResult(value: outcomes, audit: audit, changes: changes)
            }
        } catch let dry as ExamImportDryRun {
            return Self.report(dry.outcomes, dryRun: true)
        }
    }

    @Sendable static func report(_ outcomes: [ExamOutcome], dryRun: Bool) -> HTTPResponse {
        var json = JSONWriter()
        json.beginObject()
        json.member("certificates_issued", outcomes.filter(\.issued).count)
        json.member("dry_run", dryRun)
        json.key("errors")
        json.beginArray()
        json.endArray()
        json.member("lines", outcomes.count)
        json.member("passed", outcomes.filter(\.passed).count)
        json.member("recorded", dryRun ? 0 : outcomes.count)
        json.endObject()
        return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], bytes: json.bytes)
    }
}
