import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

/// Training sessions, attendance, exams and certificates on a real SQLite file (migration 0008).
@Suite struct TrainingStoreTests {
    typealias Fixtures = AppointmentStoreTests

    static let zhongshan = Enterprise.fixture(1, region: "442000100001")
    static let shenzhen = Enterprise.fixture(2, region: "440300100001")

    static func session(region: String = "4420", starts: String = "2025-03-01", ends: String = "2025-03-02") throws
        -> TrainingSession
    {
        try TrainingSession.validated(
            .init(
                provider: "省质协", title: "首席质量官培训", hours: "16", startsOn: starts, endsOn: ends, mode: "offline",
                regionCode: region), id: 0)
    }

    static func number(_ seed: UInt64) throws -> CertificateNumber {
        var generator = SplitMix64(seed: seed)
        return try #require(CertificateNumber.random(year: 2025, using: &generator))
    }

    /// Files people 1…`count` at Zhongshan and person 1000 at Shenzhen; returns their person ids.
    static func filed(_ writer: any RegistryWriter, count: Int) throws -> (zhongshan: [Int64], shenzhen: Int64) {
        _ = try writer.upsert([zhongshan, shenzhen])
        var ids: [Int64] = []
        for serial in 1...count {
            ids.append(try Fixtures.file(writer, zhongshan, try Fixtures.filing(serial)).personID)
        }
        return (ids, try Fixtures.file(writer, shenzhen, try Fixtures.filing(1_000)).personID)
    }

    @Test func attendanceOfSeveralHundredPeopleIsReplacedWholeAndCheckedInOneQuery() async throws {
        let database = try TemporaryDatabase.migrated()
        let (people, shenzhen, session) = try await database.registry.write { writer in
            let (people, shenzhen) = try Self.filed(writer, count: 300)
            return (people, shenzhen, try writer.insert(try Self.session(), createdBy: "t", at: "2025-03-01T00:00:00Z"))
        }
        let region = try RegionCode("4420")
        let filed = try database.registry.read { reader in
            try reader.filedPeople(among: people + [shenzhen, 99_999], within: [region])
        }
        #expect(filed == Set(people), "the Shenzhen filing and an unknown id are not within 4420")
        let hours = try #require(TrainingHours(tenths: 75))
        try await database.registry.write { writer in
            try writer.replaceAttendance(
                ofSession: session.id, with: people.map { Attendance(personID: $0, hours: hours) })
            try writer.replaceAttendance(
                ofSession: session.id, with: people.prefix(2).map { Attendance(personID: $0, hours: hours) })
        }
        let (list, record) = try database.registry.read { reader in
            (try reader.attendance(ofSession: session.id), try reader.trainingSession(id: session.id))
        }
        #expect(list.map(\.personID) == Array(people.prefix(2)))
        #expect(record?.attendees == 2)
        #expect(record?.revision == 3, "created at 1, raised by each replacement")
    }

    @Test func certificatesReadBackWithRenewalsAndContinuingEducationCountsSessionsEndingInTheWindow() async throws {
        let database = try TemporaryDatabase.migrated()
        let number = try Self.number(1)
        let person = try await database.registry.write { writer in
            let person = try Self.filed(writer, count: 1).zhongshan[0]
            for (starts, ends) in [("2025-01-01", "2025-01-02"), ("2025-04-01", "2025-04-02")] {
                let session = try writer.insert(try Self.session(starts: starts, ends: ends), createdBy: "t", at: "x")
                try writer.replaceAttendance(
                    ofSession: session.id,
                    with: [Attendance(personID: person, hours: try #require(TrainingHours(tenths: 120)))])
            }
            let certificate = Certificate.issued(number: number, personID: person, on: CivilDate("2025-03-01")!)
            try writer.insert(certificate, at: "x")
            var renewed = certificate
            renewed.expiresOn = CivilDate("2031-02-28")!
            try writer.renew(
                renewed,
                CertificateRenewal(
                    renewedOn: CivilDate("2025-06-30")!, previousExpiresOn: certificate.expiresOn,
                    expiresOn: renewed.expiresOn, hours: 120, actor: "t"), at: "y")
            return person
        }
        let (record, since2025, window) = try database.registry.read { reader in
            (
                try reader.certificate(number: number),
                try reader.attendedHours(
                    ofPerson: person, endingFrom: CivilDate("2025-01-01")!, through: CivilDate("2025-12-31")!),
                try reader.attendedHours(
                    ofPerson: person, endingFrom: CivilDate("2025-03-01")!, through: CivilDate("2025-06-30")!)
            )
        }
        #expect(record?.certificate.expiresOn == CivilDate("2031-02-28"))
        #expect(record?.renewals.map(\.previousExpiresOn) == [CivilDate("2028-02-29")!])
        #expect(record?.continuingEducationSince == CivilDate("2025-07-01"))
        #expect(since2025 == 240)
        #expect(window == 120)
    }

    /// A row the CHECKs should have refused is an error, never a certificate quietly left out of the answer.
    @Test func anUnreadableCertificateRowIsAnErrorNotAShorterAnswer() async throws {
        let database = try TemporaryDatabase.migrated()
        let person = try await database.registry.write { writer in
            let person = try Self.filed(writer, count: 1).zhongshan[0]
            try writer.insert(
                Certificate.issued(number: try Self.number(2), personID: person, on: CivilDate("2025-03-01")!),
                at: "x")
            try writer.insert(
                Certificate.issued(number: try Self.number(3), personID: person, on: CivilDate("2022-03-01")!),
                at: "x")
            return person
        }
        let queue = try DatabaseQueue(path: database.path)
        try await queue.write { db in
            try db.execute(sql: "UPDATE certificate SET number = 'CQO-2025-NOTACHECKD' WHERE issued_on = '2022-03-01'")
        }
        #expect(throws: (any Error).self) {
            try database.registry.read { try $0.certificates(ofPerson: person) }
        }
    }

    @Test func theDatabaseRefusesAnExamWhoseVerdictContradictsItsScore() async throws {
        let database = try TemporaryDatabase.migrated()
        await #expect(throws: (any Error).self) {
            try await database.registry.write { writer in
                let person = try Self.filed(writer, count: 1).zhongshan[0]
                _ = try writer.insert(
                    ExamAttempt(personID: person, takenOn: CivilDate("2025-03-01")!, score: 59), passMark: 60,
                    passed: true, certificate: nil, recordedBy: "t", at: "x")
            }
        }
    }

    @Test func theTalentPoolHoldsValidCertificatesByTheirHoldersCurrentEnterprise() async throws {
        let database = try TemporaryDatabase.migrated()
        let today = CivilDate("2025-06-30")!
        let (people, shenzhen) = try await database.registry.write { writer in
            let (people, shenzhen) = try Self.filed(writer, count: 3)
            try writer.insert(Certificate.issued(number: try Self.number(10), personID: people[0], on: today), at: "x")
            try writer.insert(
                Certificate.issued(number: try Self.number(11), personID: people[1], on: CivilDate("2021-01-01")!),
                at: "x")
            var revoked = Certificate.issued(number: try Self.number(12), personID: people[2], on: today)
            revoked.revokedOn = today
            try writer.insert(revoked, at: "x")
            try writer.insert(Certificate.issued(number: try Self.number(13), personID: shenzhen, on: today), at: "x")
            return (people, shenzhen)
        }
        var query = TalentPoolQuery(day: today)
        let all = try database.registry.read { try $0.talentPool(query) }
        #expect(all.map(\.certificate.personID) == [people[0], shenzhen])
        query.regionPrefixes = [try RegionCode("4420")]
        let zhongshan = try database.registry.read { try $0.talentPool(query) }
        #expect(zhongshan.map(\.filing.appointment.uscc) == [Self.zhongshan.uscc])
        #expect(zhongshan.first?.enterpriseName == Self.zhongshan.name)
    }

    @Test func aCertificateChangeMarksItsHoldersEnterprisesForCoverage() async throws {
        let database = try TemporaryDatabase.migrated()
        let number = try Self.number(20)
        let before = try await database.registry.write { writer -> Int64 in
            let person = try Self.filed(writer, count: 1).zhongshan[0]
            let version = try writer.coverageDataVersion()
            try writer.insert(
                Certificate.issued(number: number, personID: person, on: CivilDate("2025-03-01")!), at: "x")
            return version
        }
        let queue = try DatabaseQueue(path: database.path)
        let (version, changed) = try await queue.read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT version FROM coverage_version") ?? 0,
                try String.fetchAll(
                    db, sql: "SELECT uscc FROM coverage_change WHERE version = (SELECT version FROM coverage_version)")
            )
        }
        #expect(version == before + 1)
        #expect(changed == [Self.zhongshan.uscc.value])
    }
}
