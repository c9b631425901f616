import RegistryDomain
import Testing

@Suite struct DirectReportTests {
    private let filedAt = fixtureInstant

    private func report() throws -> DirectReport {
        try DirectReport.validated(
            .init(subject: " 原料批次异常 ", body: "发现一批原料检测不合格。", severity: "high"), id: 1, uscc: .fixture(),
            filedAt: filedAt)
    }

    @Test func validDraftBecomesAnOpenReport() throws {
        let report = try report()
        #expect(report.subject == "原料批次异常")
        #expect(report.severity == .high)
        #expect(report.status == .open)
        #expect(report.acknowledgedAt == nil)
    }

    @Test(arguments: [
        (DirectReport.Draft(), ["subject", "body", "severity"], ["required", "required", "required"]),
        (
            .init(subject: String(repeating: "题", count: 201), body: "b", severity: "urgent"), ["subject", "severity"],
            ["length", "unknown"]
        ),
    ])
    func invalidDraftsReportEveryField(draft: DirectReport.Draft, fields: [String], codes: [String]) throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try DirectReport.validated(draft, id: 1, uscc: .fixture(), filedAt: filedAt)
        }
        #expect(failure.violations.map(\.field) == fields)
        #expect(failure.violations.map(\.code) == codes)
    }

    @Test func reportIsAcknowledgedThenClosed() throws {
        let later = filedAt.adding(milliseconds: 60_000)
        let acknowledged = try report().acknowledged(at: later)
        #expect(acknowledged.status == .acknowledged)
        #expect(acknowledged.acknowledgedAt == later)
        let closed = try acknowledged.closed(at: later)
        #expect(closed.status == .closed)
        #expect(throws: DirectReportError.illegalTransition(status: .open, action: .close)) {
            try report().closed(at: later)
        }
        #expect(throws: DirectReportError.illegalTransition(status: .closed, action: .acknowledge)) {
            try closed.acknowledged(at: later)
        }
    }

    @Test(
        arguments: [
            (Role.cqo, "2024-02-01", nil, true),
            (.cqo, "2024-02-01", "2024-06-01", false),  // no longer registered
            (.safetyDirector, "2024-02-01", nil, false),
            (.cqo, nil, nil, false),  // only submitted
        ] as [(Role, String?, String?, Bool)])
    func onlyAnEnterpriseWithARegisteredCQOMayFile(role: Role, registered: String?, ended: String?, may: Bool) {
        let appointment = Appointment.fixture(role: role, registeredOn: registered, endedOn: ended)
        #expect(DirectReport.mayFile(uscc: .fixture(), appointments: [appointment], today: date("2024-07-01")) == may)
    }
}
