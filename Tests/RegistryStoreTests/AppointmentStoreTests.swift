import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

@Suite struct AppointmentStoreTests {
    static let today = CivilDate(year: 2025, month: 6, day: 30) ?? CivilDate(daysSinceEpoch: 0)
    static let at = Instant(utc: today)

    static func date(_ text: String) -> CivilDate { CivilDate(text) ?? today }

    static func person(_ serial: Int, name: String = "张三明") throws -> PersonDetails {
        PersonDetails(
            name: name, idNumber: try ResidentIDNumber(ResidentIDNumber.fixture(serial)),
            phone: try PhoneNumber("13812345678"))
    }

    static func filing(_ serial: Int, role: Role = .cqo, appointedOn: String = "2024-01-10") throws -> AppointmentFiling
    {
        AppointmentFiling(
            role: role, person: try person(serial), position: "质量副总经理", isPrincipal: false,
            appointedOn: date(appointedOn))
    }

    /// Files a filing for `enterprise` and returns the stored appointment.
    static func file(_ writer: any RegistryWriter, _ enterprise: Enterprise, _ filing: AppointmentFiling) throws
        -> Appointment
    {
        let personID = try writer.personID(for: filing.person)
        return try writer.insert(
            .filed(id: 0, uscc: enterprise.uscc, personID: personID, filing: filing, by: "t", at: at))
    }

    @Test func onePersonPerResidentIDWhoseDetailsStayWithEachFiling() async throws {
        let database = try TemporaryDatabase.migrated()
        let (first, second) = try await database.registry.write { writer in
            (try writer.personID(for: try Self.person(1)), try writer.personID(for: try Self.person(1, name: "张三")))
        }
        #expect(first == second)
    }

    /// Two enterprises file one person (one ID number) with different names: each appointment reads back with the
    /// details it was filed with, and a later filing changes neither.
    @Test func eachAppointmentKeepsThePersonDetailsItWasFiledWith() async throws {
        let database = try TemporaryDatabase.migrated()
        let zhongshan = Enterprise.fixture(1, region: "442000100001")
        let shenzhen = Enterprise.fixture(2, region: "440300100001")
        let (a, b) = try await database.registry.write { writer in
            _ = try writer.upsert([zhongshan, shenzhen])
            var other = try Self.filing(1)
            other.person = try Self.person(1, name: "冒名顶替")
            return (try Self.file(writer, zhongshan, try Self.filing(1)), try Self.file(writer, shenzhen, other))
        }
        #expect(a.personID == b.personID)
        let (readA, readB) = try database.registry.read { reader in
            (try reader.appointment(id: a.id), try reader.appointment(id: b.id))
        }
        #expect(readA?.appointment.filing.person.name == "张三明")
        #expect(readB?.appointment.filing.person.name == "冒名顶替")
    }

    @Test func savedTransitionsAreAppendedAndReadBackInOrder() async throws {
        let database = try TemporaryDatabase.migrated()
        let enterprise = Enterprise.fixture(1)
        try await database.registry.write { try $0.insert(enterprise) }
        let id = try await database.registry.write { writer in
            let filed = try Self.file(writer, enterprise, try Self.filing(1))
            let returned = try filed.returnFiling(reason: "缺少承诺书", by: "r", at: Self.at)
            try writer.save(returned)
            try writer.save(try returned.resubmit(filing: returned.filing, by: "e", at: Self.at))
            return filed.id
        }
        let record = try #require(try database.registry.read { try $0.appointment(id: id) })
        #expect(record.appointment.status == .submitted)
        #expect(record.appointment.history.map(\.to) == [.submitted, .returned, .submitted])
        #expect(record.appointment.history[1].reason == "缺少承诺书")
        #expect(record.regionCode == enterprise.regionCode)
    }

    @Test func theUniqueIndexRefusesASecondRegisteredCQO() async throws {
        let database = try TemporaryDatabase.migrated()
        let enterprise = Enterprise.fixture(1)
        try await database.registry.write { try $0.insert(enterprise) }
        await #expect(throws: StoreError.duplicate("the enterprise has a registered chief quality officer already")) {
            try await database.registry.write { writer in
                for serial in 1...2 {
                    let filed = try Self.file(writer, enterprise, try Self.filing(serial))
                    try writer.save(try filed.register(today: Self.today, by: "r", at: Self.at))
                }
            }
        }
    }

    /// The SQL behind `vacant_over_days` and the domain's `Vacancy.of` give the same answer on random histories.
    @Test(arguments: [0, 10, 30, 200])
    func vacancyQueryAgreesWithTheDomain(days: Int) async throws {
        let database = try TemporaryDatabase.migrated()
        let roster = (1...40).map { Enterprise.fixture($0) }
        try await database.registry.write { writer in _ = try writer.upsert(roster) }
        var random: UInt64 = 0x2025_0630
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var plans: [(Enterprise, [Int])] = []
        for enterprise in roster { plans.append((enterprise, (0..<3).map { _ in next(1_000) })) }
        let work = plans
        try await database.registry.write { writer in
            for (index, (enterprise, rolls)) in work.enumerated() {
                for (step, roll) in rolls.enumerated() where roll % 4 != 0 {
                    let appointed = Self.date("2022-06-01").adding(days: roll)
                    var appointment = try Self.file(
                        writer, enterprise, try Self.filing(index * 3 + step, appointedOn: appointed.description))
                    let (registered, superseded) = try appointment.registerSuperseding(
                        try writer.appointments(of: enterprise.uscc), registeredOn: appointed.adding(days: 3),
                        today: Self.today, by: "r", at: Self.at)
                    for old in superseded { try writer.save(old) }
                    appointment = registered
                    if roll % 3 == 0, appointed.adding(days: 3 + roll % 200) <= Self.today {
                        appointment = try appointment.dismiss(
                            endedOn: appointed.adding(days: 3 + roll % 200), reason: "离职", today: Self.today, by: "e",
                            at: Self.at)
                    }
                    try writer.save(appointment)
                }
            }
        }
        var query = AppointmentQuery(day: Self.today)
        query.vacantOverDays = days
        query.limit = 500
        let listed = Set(try database.registry.read { try $0.appointments(query) }.map(\.appointment.uscc))
        let expected = Set(
            try roster.filter { enterprise in
                let all = try database.registry.read { try $0.appointments(of: enterprise.uscc) }
                return Vacancy.of(role: .cqo, among: all, today: Self.today)?.isOver(days) == true
            }.map(\.uscc))
        #expect(listed == expected)
        if days == 0 { #expect(!expected.isEmpty, "the histories include vacancies") }
    }

    @Test func theChangeFeedIsReadInOrderWithinARegion() async throws {
        let database = try TemporaryDatabase.migrated()
        try await database.registry.write { writer in
            for (index, region) in ["442000100001", "440300100001", "442000100002"].enumerated() {
                try writer.append(
                    ChangeEvent(
                        at: "2025-06-30T00:00:0\(index).000Z", kind: "enterprise.created",
                        resource: "/v1/enterprises/\(index)",
                        regionCode: try RegionCode(region), payload: "{}"))
            }
        }
        let zhongshan = try database.registry.read {
            try $0.changeEvents(after: nil, within: [try RegionCode("4420")], limit: 10)
        }
        #expect(zhongshan.map(\.resource) == ["/v1/enterprises/0", "/v1/enterprises/2"])
        let rest = try database.registry.read { try $0.changeEvents(after: zhongshan[0].id, within: [], limit: 10) }
        #expect(rest.map(\.resource) == ["/v1/enterprises/1", "/v1/enterprises/2"])
    }

    @Test func everyDocumentVersionIsKept() async throws {
        let database = try TemporaryDatabase.migrated()
        let enterprise = Enterprise.fixture(1)
        try await database.registry.write { try $0.insert(enterprise) }
        let id = try await database.registry.write { try Self.file($0, enterprise, try Self.filing(1)).id }
        for content in [Array("%PDF-1".utf8), Array("%PDF-2".utf8)] {
            _ = try await database.registry.write { writer in
                try writer.insert(
                    AppointmentDocument(
                        appointmentID: id, kind: .decision, format: .pdf, size: content.count,
                        sha256: String(repeating: "a", count: 64), uploadedAt: "2025-06-30T00:00:00.000Z",
                        uploadedBy: "e"),
                    content: content)
            }
        }
        let latest = try #require(
            try database.registry.read { try $0.latestDocument(appointmentID: id, kind: .decision) })
        #expect(latest.document.version == 2)
        #expect(latest.content == Array("%PDF-2".utf8))
        #expect(try database.registry.read { try $0.documentVersions(appointmentID: id, kind: .decision) }.count == 2)
        #expect(try database.registry.read { try $0.latestDocument(appointmentID: id, kind: .commitment) } == nil)
    }
}
