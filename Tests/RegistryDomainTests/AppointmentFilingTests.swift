import RegistryDomain
import Testing

@Suite struct AppointmentFilingTests {
    private let validPerson = PersonDetails.Draft(
        name: "张三明", idNumber: "11010519491231002X", phone: "0760-88888888", email: "cqo@example.cn")

    @Test func validDraftBecomesFiling() throws {
        let draft = AppointmentFiling.Draft(
            role: "safety_director", person: validPerson, position: " 总经理 ", isPrincipal: true,
            appointedOn: "2025-02-28")
        let filing = try AppointmentFiling.validated(draft, today: date("2025-03-01"))
        #expect(filing.role == .safetyDirector)
        #expect(filing.position == "总经理")
        #expect(filing.isPrincipal)
        #expect(filing.appointedOn == date("2025-02-28"))
        #expect(filing.person.email?.value == "cqo@example.cn")
    }

    @Test func isPrincipalDefaultsToFalse() throws {
        let draft = AppointmentFiling.Draft(
            role: "cqo", person: validPerson, position: "质量总监", appointedOn: "2025-01-01")
        #expect(try !AppointmentFiling.validated(draft).isPrincipal)
    }

    @Test func emptyDraftReportsEveryRequiredField() throws {
        let failure = try #require(throws: ValidationFailure.self) { try AppointmentFiling.validated(.init()) }
        #expect(failure.violations.map(\.field) == ["role", "person", "position", "appointed_on"])
        #expect(failure.violations.allSatisfy { $0.code == "required" })
    }

    @Test func nestedAndTopLevelViolationsComeTogether() throws {
        let draft = AppointmentFiling.Draft(
            role: "ceo", person: .init(name: "李四", idNumber: "123", phone: "13812345678"),
            position: String(repeating: "长", count: 101), appointedOn: "2025-02-30")
        let failure = try #require(throws: ValidationFailure.self) { try AppointmentFiling.validated(draft) }
        #expect(failure.violations.map(\.field) == ["role", "person.id_number", "position", "appointed_on"])
        #expect(failure.violations.map(\.code) == ["unknown", "length", "length", "format"])
    }

    @Test(
        arguments: [
            ("2025-03-01", nil),
            ("2025-03-02", "range"),
            ("2025-3-1", "format"),
            ("", "required"),
        ] as [(String, String?)])
    func appointmentDateIsARealDayNotAfterToday(text: String, code: String?) {
        let draft = AppointmentFiling.Draft(role: "cqo", person: validPerson, position: "质量总监", appointedOn: text)
        do {
            _ = try AppointmentFiling.validated(draft, today: date("2025-03-01"))
            #expect(code == nil)
        } catch {
            #expect(error.violations.map(\.field) == ["appointed_on"])
            #expect(error.violations.map(\.code) == [code].compactMap { $0 })
        }
    }

    @Test(arguments: Role.allCases)
    func roleWireNamesRoundTrip(role: Role) throws {
        #expect(try Role.parsed(role.rawValue) == role)
    }

    @Test(arguments: AppointmentStatus.allCases)
    func statusWireNamesRoundTrip(status: AppointmentStatus) throws {
        #expect(try AppointmentStatus.parsed(status.rawValue) == status)
    }
}
