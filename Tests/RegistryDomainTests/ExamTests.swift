import RegistryDomain
import Testing

@Suite struct ExamTests {
    @Test(arguments: [(0, false), (59, false), (60, true), (61, true), (100, true)])
    func scoreAtOrAboveThePassMarkPasses(score: Int, passes: Bool) {
        let attempt = ExamAttempt(personID: 1, takenOn: date("2025-03-01"), score: score)
        #expect(attempt.passed() == passes)
    }

    @Test(arguments: [(69, false), (70, true)])
    func passMarkIsConfigurable(score: Int, passes: Bool) {
        #expect(ExamPolicy(passMark: 70).passes(score) == passes)
    }

    @Test func passIssuesACertificateOnTheExamDateAndAFailNone() throws {
        let number = try #require(CertificateNumber(year: 2025, sequence: 123))
        let pass = ExamAttempt(personID: 8, takenOn: date("2025-03-01"), score: 75)
        let certificate = try #require(pass.certificate(numbered: number))
        #expect(certificate.issuedOn == date("2025-03-01"))
        #expect(certificate.expiresOn == date("2028-02-29"))
        #expect(certificate.personID == 8)
        #expect(certificate.number == number)
        #expect(ExamAttempt(personID: 8, takenOn: date("2025-03-01"), score: 59).certificate(numbered: number) == nil)
    }

    @Test func validDraftBecomesAttempt() throws {
        let draft = ExamAttempt.Draft(personID: 3, takenOn: "2025-03-01", score: 100, sessionID: 9)
        let attempt = try ExamAttempt.validated(draft, today: date("2025-03-01"))
        #expect(attempt == ExamAttempt(personID: 3, takenOn: date("2025-03-01"), score: 100, sessionID: 9))
    }

    @Test(arguments: [
        (ExamAttempt.Draft(), ["person_id", "taken_on", "score"], ["required", "required", "required"]),
        (.init(personID: 1, takenOn: "2025-03-02", score: 101), ["taken_on", "score"], ["range", "range"]),
        (.init(personID: 1, takenOn: "2025/03/01", score: -1), ["taken_on", "score"], ["format", "range"]),
    ])
    func invalidDraftsReportEveryField(draft: ExamAttempt.Draft, fields: [String], codes: [String]) throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try ExamAttempt.validated(draft, today: date("2025-03-01"))
        }
        #expect(failure.violations.map(\.field) == fields)
        #expect(failure.violations.map(\.code) == codes)
    }
}
