import Foundation
import RegistryDomain
import RegistryStore
import RegistryTesting
import Testing

/// `cqo-registry demo --db PATH` run as a process: a city with appointments in every status over 2021–2025.
@Suite struct DemoCommandTests {
    /// The built executable, beside the test bundle in `.build/<configuration>/`.
    static func binary() -> URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("cqo-registry")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    @Test func theDemoCityHasFilingsInEveryStatusWithValidPeople() async throws {
        let binary = try #require(Self.binary(), "the cqo-registry executable is built beside the tests")
        let database = try TemporaryDatabase.migrated()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["demo", "--db", database.path, "--enterprises", "1000"]
        // Output is inherited, not FileHandle.nullDevice: with it, another test's socket once failed with EBADF,
        // as if the shared null device's descriptor had been closed twice (suspected, not proven).
        try process.run()
        await withCheckedContinuation { continuation in
            Thread {
                process.waitUntilExit()
                continuation.resume()
            }.start()
        }
        #expect(process.terminationStatus == 0)
        var query = AppointmentQuery(day: CivilDate(year: 2025, month: 12, day: 31) ?? CivilDate(daysSinceEpoch: 0))
        query.limit = 1_000
        let appointments = try database.registry.read { try $0.appointments(query) }.map(\.appointment)
        #expect(Set(appointments.map(\.status)) == Set(AppointmentStatus.allCases))
        #expect(appointments.allSatisfy { $0.appointedOn.year >= 2021 && $0.appointedOn.year <= 2025 })
        #expect(appointments.allSatisfy { ResidentIDNumber.defect(of: $0.filing.person.idNumber.value) == nil })
        let registeredCQOs = appointments.filter { $0.role == .cqo && $0.status == .registered }.map(\.uscc)
        #expect(Set(registeredCQOs).count == registeredCQOs.count, "at most one registered CQO per enterprise")

        // Training in every state: fails and passes, certificates valid, expired, renewed and revoked by an exit.
        let today = CivilDate(year: 2026, month: 12, day: 4) ?? CivilDate(daysSinceEpoch: 0)
        let people = Set(appointments.map(\.personID)).sorted()
        let (certificates, exams) = try database.registry.read { reader in
            (
                try people.flatMap { try reader.certificates(ofPerson: $0) },
                try people.flatMap { try reader.examAttempts(ofPerson: $0) }
            )
        }
        #expect(Set(exams.map(\.passed)) == [true, false])
        #expect(Set(certificates.map { $0.certificate.status(on: today) }) == Set(CertificateStatus.allCases))
        #expect(certificates.contains { !$0.renewals.isEmpty })
        let removed = Set(appointments.filter { $0.status == .removed }.map(\.personID))
        #expect(
            certificates.filter { $0.certificate.revokedOn != nil }.allSatisfy {
                removed.contains($0.certificate.personID)
            })
        let sessions = try database.registry.read { try $0.trainingSessions(TrainingSessionQuery()) }
        #expect(sessions.count > 5)
        #expect(sessions.allSatisfy { $0.attendees > 0 })
        var reports = DirectReportQuery()
        reports.limit = 500
        let filed = try database.registry.read { try $0.directReports(reports) }
        #expect(Set(filed.map(\.report.status)) == Set(DirectReportStatus.allCases))
        #expect(
            filed.allSatisfy {
                $0.history.count == ($0.report.status == .open ? 1 : $0.report.status == .acknowledged ? 2 : 3)
            })
        #expect(try !database.registry.read { try $0.recognitions(RecognitionQuery()) }.isEmpty)
        // Every town the demo city uses has its name seeded by migration 0010.
        var roster = EnterpriseQuery(day: query.day)
        roster.limit = 500
        let codes = Set(try database.registry.read { try $0.enterprises(roster) }.map(\.enterprise.regionCode.value))
        let names = try database.registry.read { try $0.regionNames(of: codes.sorted()) }
        #expect(codes.count == 24 && Set(names.keys) == codes, "\(codes.subtracting(names.keys).sorted())")
    }
}
