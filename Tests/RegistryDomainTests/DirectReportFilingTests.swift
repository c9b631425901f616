import RegistryDomain
import Testing

/// Why an enterprise may not file a direct report, and the notes its steps carry.
@Suite struct DirectReportFilingTests {
    @Test(
        arguments: [
            ([], "no CQO filing"),
            ([Appointment.fixture(status: .submitted)], "submitted, not yet registered"),
            ([.fixture(status: .returned)], "returned, not yet registered"),
            (
                [.fixture(registeredOn: "2024-02-01", endedOn: "2024-06-01", status: .dismissed)],
                "dismissed since 2024-06-01"
            ),
            ([.fixture(role: .safetyDirector, registeredOn: "2024-02-01")], "no CQO filing"),
        ] as [([Appointment], String)])
    func aRefusalNamesWhatIsMissing(appointments: [Appointment], reason: String) throws {
        let refusal = try #require(
            DirectReport.filingRefusal(uscc: .fixture(), appointments: appointments, today: date("2024-07-01")))
        #expect(refusal.contains(reason), "\(refusal)")
    }

    @Test func aRegisteredCQOMayFile() {
        let appointments = [Appointment.fixture(registeredOn: "2024-02-01")]
        #expect(
            DirectReport.filingRefusal(uscc: .fixture(), appointments: appointments, today: date("2024-07-01")) == nil)
    }

    @Test func closingNeedsANoteAndAcknowledgingDoesNot() throws {
        #expect(try DirectReportTransition.note(nil, for: .acknowledge) == nil)
        #expect(try DirectReportTransition.note("  ", for: .acknowledge) == nil)
        #expect(try DirectReportTransition.note(" 已受理 ", for: .acknowledge) == "已受理")
        let failure = try #require(throws: ValidationFailure.self) { try DirectReportTransition.note(nil, for: .close) }
        #expect(failure.violations.map(\.field) == ["note"])
        #expect(throws: ValidationFailure.self) {
            try DirectReportTransition.note(String(repeating: "字", count: 1_001), for: .close)
        }
    }

    @Test func eachStepIsRecordedFromAndTo() throws {
        let report = try DirectReport.validated(
            .init(subject: "s", body: "b", severity: "low"), id: 3, uscc: .fixture(), filedAt: fixtureInstant)
        let later = fixtureInstant.adding(milliseconds: 1_000)
        let (acknowledged, step) = try report.applying(.acknowledge, at: later, by: "token:1 (regulator)", note: nil)
        #expect(step == DirectReportTransition(at: later, actor: "token:1 (regulator)", from: .open, to: .acknowledged))
        let (closed, last) = try acknowledged.applying(.close, at: later, by: "token:1 (regulator)", note: "done")
        #expect(closed.status == .closed && last.from == .acknowledged && last.note == "done")
        #expect(throws: DirectReportError.illegalTransition(status: .open, action: .close)) {
            try report.applying(.close, at: later, by: "x", note: "n")
        }
    }

    @Test func instantsAreWrittenAtOneWidth() {
        #expect(Instant(utc: date("2025-06-30"), hour: 8).fixedWidthText == "2025-06-30T08:00:00.000Z")
        #expect(Instant(utc: date("2025-06-30"), millisecond: 5).fixedWidthText == "2025-06-30T00:00:00.005Z")
    }
}
