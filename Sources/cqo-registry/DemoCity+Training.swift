import RegistryDomain
import RegistryStore

/// The demo city's training: sessions over 2021–2025 attended by filed CQOs (appoint first, train after), exams
/// with fails and retakes, certificates in every state (valid, expired, renewed, revoked by an exit), so that a
/// newcomer sees the talent pool and training coverage at once.
extension DemoCity {
    static let providers = ["广东省质量协会", "中山市质量技术协会", "广东省标准化研究院"]
    static let courses = ["首席质量官培训班", "质量安全总监履职能力培训", "首席质量官继续教育专题班", "质量管理体系与卓越绩效"]

    /// One planned session: its fields and who attends, with the exams its attendees take at its end.
    struct PlannedSession: Sendable {
        var session: TrainingSession
        var attendees: [Int64]
        /// (person, score, certificate number if the score passes)
        var exams: [(personID: Int64, score: Int, number: CertificateNumber?)]
    }

    /// Plans and writes the city's training in one transaction; returns (sessions, exams, certificates).
    mutating func recordTraining(in registry: SQLiteRegistry, today: CivilDate) async throws -> (Int, Int, Int) {
        let last = min(today, CivilDate(year: 2025, month: 12, day: 31) ?? today)
        let filed = try registry.read { reader in
            var query = AppointmentQuery(day: today)
            query.role = .cqo
            query.limit = 2_000_000
            return try reader.appointments(query).map(\.appointment)
                .filter { $0.registeredOn != nil }
        }
        var plans: [PlannedSession] = []
        var certified: Set<Int64> = []
        let start = CivilDate(year: 2021, month: 3, day: 1) ?? last
        for index in 0..<14 {
            let starts = start.adding(days: index * 130 + below(20))
            guard starts.adding(days: 2) <= last else { break }
            let hours = [8, 16, 24, 32][below(4)]
            let draft = TrainingSession.Draft(
                provider: Self.providers[below(Self.providers.count)],
                title: "\(Self.courses[below(Self.courses.count)])（第\(index + 1)期）", hours: String(hours),
                startsOn: starts.description, endsOn: starts.adding(days: 1).description,
                mode: below(3) == 0 ? "online" : "offline", regionCode: "4420")
            guard let session = try? TrainingSession.validated(draft, id: 0) else { continue }
            // Appoint first, train after: only people filed by the session's start, each once a session.
            let eligible = filed.filter { $0.appointedOn <= starts }
            var attendees: Set<Int64> = []
            for appointment in eligible where below(100) < 30 { attendees.insert(appointment.personID) }
            var exams: [(Int64, Int, CertificateNumber?)] = []
            for person in attendees.sorted() where below(100) < 85 {
                let score = 40 + below(61)
                let passes = score >= 60 && !certified.contains(person)
                let number = passes ? CertificateNumber.random(year: starts.year, using: &self) : nil
                if number != nil { certified.insert(person) }
                exams.append((person, score, number))
            }
            plans.append(PlannedSession(session: session, attendees: attendees.sorted(), exams: exams))
        }
        let removed = filed.filter { $0.status == .removed }
        let work = plans
        let renewEvery = 4
        let lastDay = last
        return try await registry.write { writer in
            var counts = (0, 0, 0)
            var issued: [Int64: Certificate] = [:]
            for plan in work {
                let session = try writer.insert(
                    plan.session, createdBy: Self.actor, at: "\(plan.session.startsOn)T01:30:00.000Z")
                counts.0 += 1
                try writer.replaceAttendance(
                    ofSession: session.id, with: plan.attendees.map { Attendance(personID: $0, hours: session.hours) })
                let at = "\(session.endsOn)T09:00:00.000Z"
                for exam in plan.exams {
                    let attempt = ExamAttempt(
                        personID: exam.personID, takenOn: session.endsOn, score: exam.score, sessionID: session.id)
                    let certificate = exam.number.flatMap { attempt.certificate(numbered: $0) }
                    if let certificate {
                        try writer.insert(certificate, at: at)
                        var held = certificate
                        let renewedOn = certificate.expiresOn.adding(days: -30)
                        if counts.2 % renewEvery == 0, renewedOn <= lastDay {
                            // Every fourth certificate was renewed with continuing education before it expired.
                            held.expiresOn = CertificatePolicy().expiry(issuedOn: certificate.expiresOn.adding(days: 1))
                            try writer.renew(
                                held,
                                CertificateRenewal(
                                    renewedOn: renewedOn, previousExpiresOn: certificate.expiresOn,
                                    expiresOn: held.expiresOn, hours: 240, actor: Self.actor), at: at)
                        }
                        issued[certificate.personID] = held
                        counts.2 += 1
                    }
                    _ = try writer.insert(
                        attempt, passMark: 60, passed: exam.score >= 60, certificate: certificate?.number,
                        recordedBy: Self.actor, at: at)
                    counts.1 += 1
                }
            }
            // An exit revokes the removed CQO's certificate from its day.
            let exits = try writer.supervisionActions(
                {
                    var query = SupervisionActionQuery(); query.kind = .exit; query.limit = 1_000_000; return query
                }())
            for appointment in removed {
                guard let certificate = issued[appointment.personID], let endedOn = appointment.endedOn,
                    certificate.revokedOn == nil, certificate.issuedOn <= endedOn,
                    let action = exits.first(where: { $0.action.appointmentID == appointment.id })
                else { continue }
                try writer.revoke(certificate.revoked(on: endedOn), byAction: action.action.id)
            }
            return counts
        }
    }
}

extension DemoCity: RandomNumberGenerator {}
