import RegistryDomain
import Testing

@Suite struct TrainingSessionTests {
    private let draft = TrainingSession.Draft(
        provider: "广东省质量协会", title: "首席质量官培训班", hours: "16", startsOn: "2025-03-01", endsOn: "2025-03-02",
        mode: "offline", regionCode: "4420")

    @Test(arguments: [
        ("16", Int64(160), "16"), ("7.5", 75, "7.5"), ("0.1", 1, "0.1"), ("1000", 10_000, "1000"),
        ("1.25e1", 125, "12.5"),
        ("2.50", 25, "2.5"),
    ])
    func hoursAreExactToATenth(text: String, tenths: Int64, formatted: String) throws {
        let hours = try TrainingHours(text)
        #expect(hours.tenths == tenths)
        #expect(hours.description == formatted)
    }

    @Test(arguments: [
        ("0", "range"), ("-1", "range"), ("1000.1", "range"), ("0.05", "precision"), ("7.25", "precision"),
        ("seven", "format"), ("", "format"),
    ])
    func otherHoursAreRefused(text: String, code: String) throws {
        let failure = try #require(throws: ValidationFailure.self) { try TrainingHours(text) }
        #expect(failure.violations.map(\.code) == [code])
    }

    @Test func validDraftBecomesSession() throws {
        let session = try TrainingSession.validated(draft, id: 3)
        #expect(session.hours.description == "16")
        #expect(session.mode == .offline)
        #expect(session.regionCode.value == "4420")
    }

    @Test func everyViolationIsReported() throws {
        let bad = TrainingSession.Draft(
            provider: " ", title: "t", hours: "0", startsOn: "2025-03-02", endsOn: "2025-03-01", mode: "hybrid",
            regionCode: "x")
        let failure = try #require(throws: ValidationFailure.self) { try TrainingSession.validated(bad, id: 1) }
        #expect(failure.violations.map(\.field) == ["provider", "hours", "ends_on", "mode", "region_code"])
        #expect(failure.violations.map(\.code) == ["required", "range", "range", "unknown", "format"])
    }

    @Test func attendanceListIsCheckedItemByItem() throws {
        let session = try TrainingSession.validated(draft, id: 3)
        let ok = try Attendance.validatedList(
            [.init(personID: 1, hours: "16"), .init(personID: 2, hours: "7.5")], for: session)
        #expect(ok.map(\.personID) == [1, 2])
        #expect(try Attendance.validatedList([], for: session).isEmpty)
        let failure = try #require(throws: ValidationFailure.self) {
            try Attendance.validatedList(
                [.init(personID: 1, hours: "16.5"), .init(hours: "2"), .init(personID: 1, hours: nil)], for: session)
        }
        #expect(failure.violations.map(\.field) == ["[0].hours", "[1].person_id", "[2].person_id", "[2].hours"])
        #expect(failure.violations.map(\.code) == ["range", "required", "duplicate", "required"])
    }
}
