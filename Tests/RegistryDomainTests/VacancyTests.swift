import RegistryDomain
import Testing

@Suite struct VacancyTests {
    @Test(
        arguments: [
            // (appointments as (appointed, registered, ended)), today, expected since, expected days
            ([("2024-01-10", "2024-02-01", "2024-06-01")], "2024-06-01", "2024-06-01", 0),
            ([("2024-01-10", "2024-02-01", "2024-06-01")], "2024-07-02", "2024-06-01", 31),
            (
                [("2023-01-10", "2023-02-01", "2023-06-01"), ("2023-05-01", "2023-05-02", "2024-06-01")],
                "2024-07-01", "2024-06-01", 30
            ),
        ] as [([(String, String?, String?)], String, String, Int)])
    func endedHolderWithNoSuccessorLeavesTheRoleVacant(
        rows: [(String, String?, String?)], today: String, since: String, days: Int
    ) throws {
        let appointments = rows.enumerated().map { index, row in
            Appointment.fixture(id: Int64(index + 1), appointedOn: row.0, registeredOn: row.1, endedOn: row.2)
        }
        let vacancy = try #require(Vacancy.of(role: .cqo, among: appointments, today: date(today)))
        #expect(vacancy.since == date(since))
        #expect(vacancy.days == days)
    }

    @Test(
        arguments: [
            ([("2024-01-10", "2024-02-01", nil)], "2024-07-01"),  // held
            ([("2024-01-10", nil, nil)], "2024-07-01"),  // never registered: uncovered, not vacant
            // succeeded
            ([("2024-01-10", "2024-02-01", "2024-06-01"), ("2024-05-20", "2024-06-01", nil)], "2024-07-01"),
            ([("2024-01-10", "2024-02-01", "2024-08-01")], "2024-07-01"),  // ends later
            ([] as [(String, String?, String?)], "2024-07-01"),
        ] as [([(String, String?, String?)], String)])
    func heldOrNeverHeldRoleIsNotVacant(rows: [(String, String?, String?)], today: String) {
        let appointments = rows.enumerated().map { index, row in
            Appointment.fixture(id: Int64(index + 1), appointedOn: row.0, registeredOn: row.1, endedOn: row.2)
        }
        #expect(Vacancy.of(role: .cqo, among: appointments, today: date(today)) == nil)
    }

    @Test func pendingSuccessorDoesNotFillTheRole() throws {
        let appointments = [
            Appointment.fixture(id: 1, registeredOn: "2024-02-01", endedOn: "2024-06-01"),
            Appointment.fixture(id: 2, appointedOn: "2024-06-02"),
        ]
        #expect(Vacancy.of(role: .cqo, among: appointments, today: date("2024-07-01")) != nil)
    }

    @Test func otherRolesDoNotCount() {
        let appointments = [
            Appointment.fixture(id: 1, role: .safetyOfficer, registeredOn: "2024-02-01", endedOn: "2024-06-01")
        ]
        #expect(Vacancy.of(role: .cqo, among: appointments, today: date("2024-07-01")) == nil)
        #expect(Vacancy.of(role: .safetyOfficer, among: appointments, today: date("2024-07-01")) != nil)
    }

    @Test(arguments: [(29, false), (30, false), (31, true)])
    func gracePeriodIsExceededOnlyWhenLonger(days: Int, over: Bool) {
        let vacancy = Vacancy(role: .cqo, since: date("2024-06-01"), days: days)
        #expect(vacancy.isOver() == over)
        #expect(vacancy.isOver(28))
        #expect(Vacancy.defaultGracePeriodDays == 30)
    }
}
