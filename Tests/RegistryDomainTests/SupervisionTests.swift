import RegistryDomain
import Testing

@Suite struct SupervisionTests {
    private let today = date("2025-03-01")

    private func action(_ kind: SupervisionKind, on day: String = "2024-09-09") -> SupervisionAction {
        SupervisionAction(id: 1, appointmentID: 1, kind: kind, reason: "质量安全事故", occurredOn: date(day))
    }

    private func certificate(person: Int64, sequence: Int, revokedOn: String? = nil) throws -> Certificate {
        var certificate = Certificate.issued(
            number: try #require(CertificateNumber(year: 2024, sequence: sequence)), personID: person,
            on: date("2024-03-01"))
        certificate.revokedOn = revokedOn.map(date)
        return certificate
    }

    @Test func exitRemovesTheAppointmentAndRevokesThePersonsCertificates() throws {
        let appointment = Appointment.fixture(id: 1, registeredOn: "2024-02-01")
        let certificates = [
            try certificate(person: 1, sequence: 1), try certificate(person: 2, sequence: 2),
            try certificate(person: 1, sequence: 3, revokedOn: "2024-05-01"),
        ]
        let (removed, revoked) = try appointment.applying(
            action(.exit), certificates: certificates, today: today, by: "regulator", at: fixtureInstant)
        #expect(removed.status == .removed)
        #expect(removed.endedOn == date("2024-09-09"))
        #expect(removed.history.last?.reason == "质量安全事故")
        #expect(revoked.map(\.number) == [certificates[0].number])
        #expect(revoked.map(\.revokedOn) == [date("2024-09-09")])
    }

    @Test(arguments: [SupervisionKind.interview, .warning])
    func interviewsAndWarningsLeaveTheAppointmentAsItIs(kind: SupervisionKind) throws {
        let appointment = Appointment.fixture(registeredOn: "2024-02-01")
        let (after, revoked) = try appointment.applying(
            action(kind), certificates: [try certificate(person: 1, sequence: 1)], today: today, by: "r",
            at: fixtureInstant)
        #expect(after == appointment)
        #expect(revoked.isEmpty)
    }

    @Test(arguments: [
        (SupervisionKind.interview, AppointmentStatus.submitted, AppointmentAction.supervise),
        (.warning, .dismissed, .supervise),
        (.exit, .returned, .remove),
        (.exit, .superseded, .remove),
    ])
    func onlyARegisteredAppointmentIsSupervised(
        kind: SupervisionKind, status: AppointmentStatus, expected: AppointmentAction
    ) {
        let appointment = Appointment.fixture(status: status)
        #expect(throws: AppointmentError.illegalTransition(status: status, action: expected)) {
            try appointment.applying(action(kind), today: today, by: "r", at: fixtureInstant)
        }
    }

    @Test(arguments: SupervisionKind.allCases)
    func theActionDateLiesFromRegistrationToToday(kind: SupervisionKind) {
        let appointment = Appointment.fixture(registeredOn: "2024-02-01")
        for day in ["2024-01-31", "2025-03-02"] {
            do {
                _ = try appointment.applying(action(kind, on: day), today: today, by: "r", at: fixtureInstant)
                Issue.record("\(kind) on \(day) was accepted")
            } catch {
                guard case .invalid(let failure) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(failure.violations.map(\.field) == ["occurred_on"])
            }
        }
    }

    @Test func validDraftBecomesAction() throws {
        let draft = SupervisionAction.Draft(kind: "exit", reason: " 弄虚作假 ", occurredOn: "2025-02-01")
        let action = try SupervisionAction.validated(draft, id: 4, appointmentID: 9, today: today)
        #expect(
            action
                == SupervisionAction(
                    id: 4, appointmentID: 9, kind: .exit, reason: "弄虚作假", occurredOn: date("2025-02-01")))
    }

    @Test(arguments: [
        (SupervisionAction.Draft(), ["kind", "reason", "occurred_on"], ["required", "required", "required"]),
        (.init(kind: "fine", reason: "x", occurredOn: "2025-03-02"), ["kind", "occurred_on"], ["unknown", "range"]),
    ])
    func invalidDraftsReportEveryField(draft: SupervisionAction.Draft, fields: [String], codes: [String]) throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try SupervisionAction.validated(draft, id: 1, appointmentID: 1, today: today)
        }
        #expect(failure.violations.map(\.field) == fields)
        #expect(failure.violations.map(\.code) == codes)
    }
}
