import RegistryDomain
import Testing

@Suite struct SupersessionTests {
    private let today = date("2025-03-01")

    /// The old term ends on the new registration date (2025-03-01, today), not the new appointment date
    /// (2025-02-01): otherwise February 2025 would retroactively lose its coverage.
    @Test func registeringANewCQOSupersedesTheRegisteredOneFromTheNewRegistrationDate() throws {
        let old = Appointment.fixture(id: 1, appointedOn: "2023-01-01", registeredOn: "2023-01-05")
        let pending = Appointment.fixture(id: 2, appointedOn: "2023-06-01")
        let new = Appointment.fixture(id: 3, appointedOn: "2025-02-01")
        let (registered, superseded) = try new.registerSuperseding(
            [old, pending, new], today: today, by: "r", at: fixtureInstant)
        #expect(registered.status == .registered)
        #expect(superseded.map(\.id) == [1])
        #expect(superseded.first?.status == .superseded)
        #expect(superseded.first?.endedOn == date("2025-03-01"))
        #expect(superseded.first?.history.last?.reason?.hasPrefix("superseded by appointment 3") == true)
    }

    @Test(arguments: [
        (Role.cqo, [Int64(1)]),
        (.safetyDirector, [1]),
        (.safetyOfficer, []),  // several officers may hold office at once
    ])
    func onlySingleHolderRolesAreSuperseded(role: Role, expected: [Int64]) {
        let old = Appointment.fixture(id: 1, role: role, registeredOn: "2024-01-10")
        let new = Appointment.fixture(id: 2, role: role, appointedOn: "2025-01-01")
        #expect(Supersession.supersessions(of: [old], byRegistering: new).map(\.appointmentID) == expected)
    }

    @Test func otherRolesEnterprisesAndStatusesAreLeftAlone() {
        let new = Appointment.fixture(id: 9, appointedOn: "2025-01-01")
        let existing = [
            Appointment.fixture(id: 1, role: .safetyDirector, registeredOn: "2024-01-10"),
            Appointment.fixture(id: 2, uscc: .fixture("91440101MA5CXXXX1"), registeredOn: "2024-01-10"),
            Appointment.fixture(id: 3, registeredOn: "2024-01-10", endedOn: "2024-05-01"),
            Appointment.fixture(id: 4, status: .returned),
            new,
        ]
        #expect(Supersession.supersessions(of: existing, byRegistering: new).isEmpty)
    }

    @Test func theEndIsNeverBeforeTheOldRegistration() {
        let old = Appointment.fixture(id: 1, appointedOn: "2024-01-10", registeredOn: "2024-03-01")
        let new = Appointment.fixture(id: 2, appointedOn: "2024-02-01")
        #expect(
            Supersession.supersessions(of: [old], byRegistering: new)
                == [Supersession(appointmentID: 1, endedOn: date("2024-03-01"))])
    }

    @Test func illegalRegistrationSupersedesNothing() {
        let old = Appointment.fixture(id: 1, registeredOn: "2024-01-10")
        let new = Appointment.fixture(id: 2, registeredOn: "2024-02-01")
        #expect(throws: AppointmentError.illegalTransition(status: .registered, action: .register)) {
            try new.registerSuperseding([old], today: today, by: "r", at: fixtureInstant)
        }
    }

    @Test(arguments: propertySeeds)
    func afterEachRegistrationAtMostOneCQOIsRegisteredOnAnyDay(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var appointments: [Appointment] = []
        var day = date("2023-01-01")
        for id in Int64(1)...12 {
            day = day.adding(days: Int.random(in: 0...60, using: &random))
            let appointedOn = day
            let filed = Appointment.fixture(id: id, appointedOn: appointedOn.description)
            let registeredOn = appointedOn.adding(days: Int.random(in: 0...20, using: &random))
            let (registered, superseded) = try filed.registerSuperseding(
                appointments, registeredOn: registeredOn, today: registeredOn, by: "r", at: fixtureInstant)
            let replaced = Dictionary(uniqueKeysWithValues: superseded.map { ($0.id, $0) })
            appointments = appointments.map { replaced[$0.id] ?? $0 } + [registered]
            day = registeredOn
        }
        for offset in 0...900 {
            let probe = date("2023-01-01").adding(days: offset)
            #expect(appointments.filter { $0.isRegistered(on: probe) }.count <= 1, "on \(probe)")
        }
        #expect(appointments.filter { $0.status == .registered }.count == 1)
    }
}
