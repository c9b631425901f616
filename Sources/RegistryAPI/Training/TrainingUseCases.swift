import HTTPServer
import RegistryDomain

/// The training use cases (DOMAIN.md "Training, exams, talent pool"), one function each. Each runs inside the
/// transaction `Services.perform` opens: it checks scope, lets the domain decide, writes, and says what the audit
/// log and the change feed must record. None knows HTTP beyond the problems it answers with.
struct TrainingUseCases: Sendable {
    let configuration: RegistryAPIConfiguration

    /// `POST /v1/training-sessions`: a session within the caller's region.
    func createSession(_ session: TrainingSession, in writer: any RegistryWriter, _ context: RequestContext) throws
        -> UseCaseResult<TrainingSessionRecord>
    {
        guard context.caller.covers(sessionRegion: session.regionCode) else {
            throw ValidationFailure(
                field: "region_code", code: "out_of_scope", message: "region_code is outside your token's region")
        }
        let stored = try writer.insert(session, createdBy: context.caller.actorLabel, at: context.now)
        guard let record = try writer.trainingSession(id: stored.id) else { throw StoreError.notFound }
        return UseCaseResult(
            value: record,
            audit: [
                AuditNote(
                    action: "training_session.create", resource: "training_session/\(stored.id)",
                    regionCode: session.regionCode, change: context.request.body)
            ],
            changes: [ChangeEvents.trainingSession(record.session, kind: "created", at: context.now)])
    }

    /// `PUT /v1/training-sessions/{id}/attendance`: replaces the whole list. Every person must be filed (appoint
    /// first, train after) at an enterprise within the caller's region; anyone else is a 422 naming the item.
    func replaceAttendance(
        ofSession id: Int64, with drafts: [Attendance.Draft], in writer: any RegistryWriter, _ context: RequestContext
    ) throws -> UseCaseResult<TrainingSessionRecord> {
        guard let current = try writer.trainingSession(id: id),
            context.caller.covers(sessionRegion: current.session.regionCode)
        else { throw Problem.notFound() }
        // If-Match is optional here (API.md): a replacement is idempotent, but a client may still guard it.
        try EntityTag.requireMatch(context.request, current: TrainingSessionJSON.entityTag(current), required: false)
        let list = try Attendance.validatedList(drafts, for: current.session)
        let ids = list.map(\.personID)
        let filed = try writer.filedPeople(among: ids, within: context.caller.regionScope)
        var unfiled = ViolationCollector()
        for (index, item) in list.enumerated() where !filed.contains(item.personID) {
            unfiled.add(
                "[\(index)].person_id", "not_filed",
                "person \(item.personID) has no filed appointment within your region (appoint first, train after)")
        }
        try unfiled.throwIfAny()
        try writer.replaceAttendance(ofSession: id, with: list)
        guard let record = try writer.trainingSession(id: id) else { throw StoreError.notFound }
        return UseCaseResult(
            value: record,
            audit: [
                AuditNote(
                    action: "training_session.attendance", resource: "training_session/\(id)",
                    regionCode: record.session.regionCode, change: context.request.body)
            ],
            changes: [ChangeEvents.trainingSession(record.session, kind: "attendance_replaced", at: context.now)])
    }

    /// `POST /v1/exams`: records an attempt; a pass issues a certificate unless the person already holds one that
    /// is unrevoked and not expired on the exam date (a person holds at most one valid certificate).
    func recordExam(_ attempt: ExamAttempt, in writer: any RegistryWriter, _ context: RequestContext) throws
        -> UseCaseResult<ExamOutcome>
    {
        guard let filing = try latestFiling(of: attempt.personID, in: writer, context) else {
            throw ValidationFailure(
                field: "person_id", code: "not_filed",
                message: "person \(attempt.personID) has no filed appointment within your region")
        }
        if let sessionID = attempt.sessionID {
            guard let session = try writer.trainingSession(id: sessionID),
                context.caller.covers(sessionRegion: session.session.regionCode)
            else {
                throw ValidationFailure(
                    field: "session_id", code: "not_found", message: "no session \(sessionID) in your region")
            }
        }
        let policy = configuration.examPolicy
        let passed = attempt.passed(under: policy)
        let held = try writer.certificates(ofPerson: attempt.personID).map(\.certificate).first {
            $0.revokedOn == nil && $0.expiresOn >= attempt.takenOn
        }
        var issued: Certificate?
        if passed, held == nil {
            let number = try CertificateNumberSource.next(year: attempt.takenOn.year)
            issued = attempt.certificate(
                numbered: number, policy: policy, certificatePolicy: configuration.certificatePolicy)
        }
        if let issued { try writer.insert(issued, at: context.now) }
        let id = try writer.insert(
            attempt, passMark: policy.passMark, passed: passed, certificate: issued?.number,
            recordedBy: context.caller.actorLabel, at: context.now)
        let outcome = ExamOutcome(
            id: id, attempt: attempt, passMark: policy.passMark, passed: passed,
            certificate: issued ?? (passed ? held : nil),
            issued: issued != nil)
        var changes = [ChangeEvents.exam(outcome, region: filing.regionCode, at: context.now)]
        if let issued {
            changes.append(ChangeEvents.certificate(issued, kind: "issued", region: filing.regionCode, at: context.now))
        }
        return UseCaseResult(
            value: outcome,
            audit: [
                AuditNote(
                    action: "exam.record", resource: "exam/\(id)", regionCode: filing.regionCode,
                    change: Array("\(attempt.personID) \(attempt.takenOn) \(attempt.score)".utf8))
            ],
            changes: changes)
    }

    /// `POST /v1/certificates/{number}/renew`: a new validity from the old expiry, when the holder attended the
    /// configured continuing-education hours since the issue or the last renewal and the certificate is valid today.
    func renewCertificate(_ number: CertificateNumber, in writer: any RegistryWriter, _ context: RequestContext)
        throws -> UseCaseResult<CertificateRecord>
    {
        guard let record = try writer.certificate(number: number),
            let filing = try latestFiling(of: record.certificate.personID, in: writer, context)
        else { throw Problem.notFound() }
        let certificate = record.certificate
        let status = certificate.status(on: context.today)
        guard certificate.isValid(on: context.today) else {
            throw Problem(
                .conflict, type: ProblemType.conflict,
                detail: "the certificate is \(status.rawValue); only a valid certificate is renewed")
        }
        let since = record.continuingEducationSince
        let tenths = try writer.attendedHours(
            ofPerson: certificate.personID, endingFrom: since, through: context.today)
        let policy = configuration.certificatePolicy
        guard let renewed = policy.renewed(certificate, on: context.today, continuingEducationHours: Int(tenths / 10))
        else {
            let hours = TrainingHours(tenths: tenths)?.description ?? "0"
            throw Problem(
                .conflict, type: ProblemType.conflict,
                detail:
                    "the holder has \(hours) of the \(policy.renewalHours) continuing-education hours needed since \(since)"
            )
        }
        let renewal = CertificateRenewal(
            renewedOn: context.today, previousExpiresOn: certificate.expiresOn, expiresOn: renewed.expiresOn,
            hours: tenths, actor: context.caller.actorLabel)
        try writer.renew(renewed, renewal, at: context.now)
        return UseCaseResult(
            value: CertificateRecord(certificate: renewed, renewals: record.renewals + [renewal]),
            audit: [
                AuditNote(
                    action: "certificate.renew", resource: "certificate/\(number)", regionCode: filing.regionCode,
                    change: Array("\(number) \(renewed.expiresOn)".utf8))
            ],
            changes: [ChangeEvents.certificate(renewed, kind: "renewed", region: filing.regionCode, at: context.now)])
    }

    /// The person's latest filing within the caller's scope, nil when there is none (then the person is not the
    /// caller's to train, examine or certify).
    func latestFiling(of personID: Int64, in reader: any RegistryReader, _ context: RequestContext) throws
        -> AppointmentRecord?
    {
        var query = AppointmentQuery(day: context.today)
        query.personID = personID
        query.regionPrefixes = context.caller.regionScope
        query.limit = 1_000
        return try reader.appointments(query).last
    }
}
