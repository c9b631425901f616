import RegistryDomain
import Testing

@Suite struct AppointmentTransitionTests {
    private let today = date("2025-03-01")
    private let at = fixtureInstant

    /// Applies `action` with valid input, so only the status decides.
    private func apply(_ action: AppointmentAction, to appointment: Appointment) throws(AppointmentError)
        -> Appointment
    {
        switch action {
        case .register: try appointment.register(today: today, by: "regulator", at: at)
        case .return: try appointment.returnFiling(reason: "缺少任命文件", by: "regulator", at: at)
        case .resubmit: try appointment.resubmit(filing: .fixture(), by: "enterprise", at: at)
        case .dismiss: try appointment.dismiss(reason: "离职", today: today, by: "enterprise", at: at)
        case .supersede: try appointment.supersede(from: today, by: "regulator", at: at)
        case .remove: try appointment.remove(occurredOn: today, reason: "退出", today: today, by: "regulator", at: at)
        case .supervise:
            try appointment.applying(
                SupervisionAction(id: 1, appointmentID: 1, kind: .warning, reason: "警示", occurredOn: today),
                today: today, by: "regulator", at: at
            ).appointment
        }
    }

    private static let allowed: [AppointmentStatus: [AppointmentAction: AppointmentStatus]] = [
        .submitted: [.register: .registered, .return: .returned],
        .returned: [.resubmit: .submitted],
        .registered: [.dismiss: .dismissed, .supersede: .superseded, .remove: .removed],
    ]

    @Test(arguments: AppointmentStatus.allCases, AppointmentAction.allCases)
    func onlyTheLifecycleTableIsAllowed(status: AppointmentStatus, action: AppointmentAction) {
        let registeredOn: String? = status == .submitted || status == .returned ? nil : "2024-02-01"
        let appointment = Appointment.fixture(registeredOn: registeredOn, status: status)
        let expected =
            action == .supervise ? (status == .registered ? .registered : nil) : Self.allowed[status]?[action]
        #expect(appointment.allows(action) == (expected != nil))
        do {
            let next = try apply(action, to: appointment)
            #expect(next.status == expected)
            guard action != .supervise else {
                #expect(next == appointment)  // an interview or warning changes nothing on the appointment
                return
            }
            #expect(next.history.count == appointment.history.count + 1)
            #expect(next.history.last?.from == status)
            #expect(next.history.last?.to == expected)
        } catch {
            #expect(expected == nil)
            #expect(error == .illegalTransition(status: status, action: action))
        }
    }

    @Test func filedAppointmentStartsSubmittedWithOneTransition() {
        let appointment = Appointment.filed(id: 7, uscc: .fixture(), personID: 3, filing: .fixture(), by: "e", at: at)
        #expect(appointment.status == .submitted)
        #expect(
            appointment.history == [AppointmentTransition(at: at, actor: "e", from: nil, to: .submitted, reason: nil)])
    }

    @Test(
        arguments: [
            (nil, "2025-03-01"),
            ("2024-01-10", "2024-01-10"),
            ("2025-03-01", "2025-03-01"),
            ("2024-01-09", nil),
            ("2025-03-02", nil),
        ] as [(String?, String?)])
    func registrationDateLiesBetweenAppointmentAndToday(given: String?, registeredOn: String?) {
        let appointment = Appointment.fixture(appointedOn: "2024-01-10")
        do {
            let next = try appointment.register(registeredOn: given.map(date), today: today, by: "r", at: at)
            #expect(next.registeredOn == registeredOn.map(date))
        } catch {
            #expect(registeredOn == nil)
            guard case .invalid(let failure) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(failure.violations.map(\.field) == ["registered_on"])
            #expect(failure.violations.map(\.code) == ["range"])
        }
    }

    @Test(
        arguments: [
            ("2024-02-01", "离职", nil),
            ("2024-01-31", "离职", "ended_on"),  // before registration
            ("2025-03-02", "离职", "ended_on"),  // after today
            ("2024-06-01", "  ", "reason"),
            ("2024-06-01", nil, "reason"),
        ] as [(String, String?, String?)])
    func dismissalNeedsAReasonAndAnEndWithinTheTerm(endedOn: String, reason: String?, field: String?) {
        let appointment = Appointment.fixture(appointedOn: "2024-01-10", registeredOn: "2024-02-01")
        do {
            let next = try appointment.dismiss(
                endedOn: date(endedOn), reason: reason, today: today, by: "e", at: at)
            #expect(field == nil)
            #expect(next.endedOn == date(endedOn))
            #expect(next.history.last?.reason == reason)
        } catch {
            guard case .invalid(let failure) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(failure.violations.map(\.field) == [field].compactMap { $0 })
        }
    }

    @Test func dismissalReportsDateAndReasonTogether() throws {
        let appointment = Appointment.fixture(registeredOn: "2024-02-01")
        let error = try #require(throws: AppointmentError.self) {
            try appointment.dismiss(endedOn: date("2030-01-01"), reason: nil, today: today, by: "e", at: at)
        }
        guard case .invalid(let failure) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(failure.violations.map(\.field) == ["ended_on", "reason"])
    }

    /// The schema requires a `registered_on` on every dismissed appointment, so an unregistered filing is not
    /// dismissed (found over HTTP: it used to reach the database and fail its CHECK with a 500).
    @Test func unregisteredFilingCannotBeDismissed() throws {
        let error = try #require(throws: AppointmentError.self) {
            try Appointment.fixture().dismiss(reason: "撤回", today: today, by: "e", at: at)
        }
        #expect(error == .illegalTransition(status: .submitted, action: .dismiss))
    }

    @Test func returnNeedsAReasonAndResubmissionReplacesTheFiling() throws {
        let appointment = Appointment.fixture()
        #expect(throws: AppointmentError.self) { try appointment.returnFiling(reason: "", by: "r", at: at) }
        let returned = try appointment.returnFiling(reason: " 缺少承诺书 ", by: "r", at: at)
        #expect(returned.history.last?.reason == "缺少承诺书")
        let corrected = AppointmentFiling.fixture(appointedOn: "2024-01-12")
        let resubmitted = try returned.resubmit(filing: corrected, personID: 99, by: "e", at: at)
        #expect(resubmitted.status == .submitted)
        #expect(resubmitted.filing == corrected)
        #expect(resubmitted.personID == 99)
        #expect(resubmitted.history.map(\.to) == [.returned, .submitted])
    }

    @Test(arguments: [("2024-03-01", "2024-03-01"), ("2024-01-01", "2024-02-01")])
    func supersessionNeverEndsBeforeRegistration(from: String, endedOn: String) throws {
        let appointment = Appointment.fixture(appointedOn: "2024-01-10", registeredOn: "2024-02-01")
        #expect(try appointment.supersede(from: date(from), by: "r", at: at).endedOn == date(endedOn))
    }

    @Test func removalEndsOnTheActionDate() throws {
        let appointment = Appointment.fixture(registeredOn: "2024-02-01")
        let removed = try appointment.remove(
            occurredOn: date("2024-09-09"), reason: "exit", today: today, by: "r", at: at)
        #expect(removed.endedOn == date("2024-09-09"))
        let error = try #require(throws: AppointmentError.self) {
            try appointment.remove(occurredOn: date("2024-01-01"), today: today, by: "r", at: at)
        }
        guard case .invalid(let failure) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(failure.violations.map(\.field) == ["occurred_on"])
    }

    @Test(arguments: [
        ("2024-01-09", false), ("2024-01-10", false), ("2024-02-01", true), ("2024-12-31", true), ("2025-01-01", false),
    ])
    func registeredOnADateMeansRegisteredByThenAndNotYetEnded(day: String, registered: Bool) {
        let appointment = Appointment.fixture(
            appointedOn: "2024-01-10", registeredOn: "2024-02-01", endedOn: "2025-01-01", status: .superseded)
        #expect(appointment.isRegistered(on: date(day)) == registered)
    }

    @Test func actionsReadAsPastParticiples() {
        #expect(AppointmentAction.return.rawValue == "return")
        #expect("\(AppointmentAction.return)" == "returned")
    }
}
