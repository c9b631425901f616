import Dispatch
import RegistryDomain
import RegistryTesting
import Synchronization
import Testing

@testable import RegistryStore

/// The coverage index against the domain's brute-force `CoverageCalculator`, on random rosters, histories and
/// certificates, for both metrics, before and after random changes (which the index must pick up through the
/// triggers' change log).
@Suite struct CoverageIndexTests {
    static let targets = [
        target(1, "44", size: .large, manufacturing: true, deadline: "2023-12-31", ratio: "0.6"),
        target(2, "44", size: .large, manufacturing: true, deadline: "2024-12-31", ratio: "0.8"),
        target(3, "4420", aboveScale: true, deadline: "2025-12-31", ratio: "1"),
        target(4, "442000", deadline: "2024-06-30", ratio: "0.56"),
        target(5, "44", deadline: "2024-06-30", ratio: "0.5"),
    ]

    static func target(
        _ id: Int64, _ region: String, size: SizeClass? = nil, aboveScale: Bool? = nil, manufacturing: Bool? = nil,
        deadline: String, ratio: String
    ) -> CoverageTarget {
        CoverageTarget(
            id: id, regionCode: (try? RegionCode(region)) ?? CoverageRoster.fallbackRegion,
            population: PopulationFilter(sizeClass: size, aboveScale: aboveScale, manufacturing: manufacturing),
            deadline: CivilDate(deadline) ?? CoverageRoster.origin, ratio: (try? CoverageRatio(ratio)) ?? .one)
    }

    /// Compares 25 random questions; the counting runs on a Dispatch thread (`offDispatch`), never holding one
    /// of the cooperative threads that other suites' servers need.
    static func expectAgreement(_ roster: inout CoverageRoster, _ database: TemporaryDatabase, seed: UInt64)
        async throws
    {
        let queries = (0..<25).map { _ in roster.query() }
        let (enterprises, appointments, certificates) = (roster.enterprises, roster.appointments, roster.certificates)
        let pairs = try await offDispatch {
            try queries.map { query in
                let expected = CoverageCalculator.report(
                    query, enterprises: enterprises, appointments: appointments, certificates: certificates,
                    targets: targets)
                let tally = try database.registry.read { try $0.coverageCounts(query, on: [query.asOf]) }
                let point = tally.points.first ?? ([], CoverageCount(key: nil, total: -1, covered: -1))
                let actual = CoverageReport.assembled(query, groups: point.groups, total: point.total, targets: targets)
                return (actual, expected)
            }
        }
        for (actual, expected) in pairs { #expect(actual == expected, "seed \(seed), query \(actual.query)") }
    }

    /// Runs blocking work on a Dispatch thread.
    static func offDispatch<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func indexAgreesWithBruteForceBeforeAndAfterChanges(seed: UInt64) async throws {
        let database = try TemporaryDatabase.migrated()
        var roster = CoverageRoster(seed: seed, enterprises: 60)
        let enterprises = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(enterprises) }
        try await database.registry.seedCoverageAppointments(roster.appointments)
        try await database.registry.seedCoverageCertificates(roster.certificates)
        try await Self.expectAgreement(&roster, database, seed: seed)
        for round in 0..<3 {
            // Changed enterprises (attributes, dates) and new or ended terms, then the same comparison.
            var changed: [Enterprise] = []
            for _ in 0..<5 {
                let index = roster.random.int(0...(roster.enterprises.count - 1))
                var replacement = roster.enterprise(index + 1)
                replacement.uscc = roster.enterprises[index].uscc
                roster.enterprises[index] = replacement
                changed.append(replacement)
            }
            let before = roster.appointments.count
            for _ in 0..<5 { roster.addTerms(roster.pick(roster.enterprises).uscc) }
            var endedNow: [Appointment] = []
            for index in roster.appointments.indices
            where roster.appointments[index].status == .registered
                && roster.random.chance(0.2)
            {
                roster.appointments[index].status = .dismissed
                roster.appointments[index].endedOn = roster.appointments[index].appointedOn.adding(days: 30 * round)
                endedNow.append(roster.appointments[index])
            }
            let changedNow = changed
            _ = try await database.registry.write { try $0.upsert(changedNow) }
            // New terms may add a second open cqo; end earlier ones first, as supersession would.
            try await database.registry.seedCoverageAppointments(endedNow)
            try await database.registry.seedCoverageAppointments(
                Self.withoutSecondOpenCQO(&roster, from: before))
            // New certificates, and revoked, renewed or re-dated ones (each alone in its transaction, as an exam
            // or an exit would write it).
            let firstNew = roster.certificates.count
            for _ in 0..<4 { roster.addCertificate() }
            try await database.registry.seedCoverageCertificates(Array(roster.certificates[firstNew...]))
            for _ in 0..<4 {
                if let changed = roster.changeCertificate() {
                    try await database.registry.seedCoverageCertificates([changed])
                }
            }
            try await Self.expectAgreement(&roster, database, seed: seed)
        }
    }

    /// New terms, with any that would be a second open registered `cqo` turned into submitted filings.
    static func withoutSecondOpenCQO(_ roster: inout CoverageRoster, from start: Int) -> [Appointment] {
        var openCQO = Set(
            roster.appointments[..<start].filter { $0.role == .cqo && $0.status == .registered }.map(\.uscc))
        for index in start..<roster.appointments.count {
            let item = roster.appointments[index]
            guard item.role == .cqo, item.status == .registered else { continue }
            if !openCQO.insert(item.uscc).inserted {
                roster.appointments[index].status = .submitted
                roster.appointments[index].registeredOn = nil
            }
        }
        return Array(roster.appointments[start...])
    }

    /// More changes than the threshold make a reader rebuild the whole index (outside the lock) instead of
    /// patching it; the answers still agree with brute force.
    @Test func aLargeChangeRebuildsTheIndexAndStillAgrees() async throws {
        let database = try TemporaryDatabase.migrated()
        let index = CoverageIndex(rebuildThreshold: 3)
        var roster = CoverageRoster(seed: 4_242, enterprises: 50)
        let first = Array(roster.enterprises.prefix(30))
        _ = try await database.registry.write { try $0.upsert(first) }
        let early = roster.query()
        _ = try await database.registry.pool.read { db in
            try SQLiteAccess(db: db, coverageIndex: index).coverageCounts(early, on: [early.asOf])
        }
        let all = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(all) }
        try await database.registry.seedCoverageAppointments(roster.appointments)
        try await database.registry.seedCoverageCertificates(roster.certificates)
        for _ in 0..<10 {
            let query = roster.query()
            let expected = CoverageCalculator.report(
                query, enterprises: roster.enterprises, appointments: roster.appointments,
                certificates: roster.certificates, targets: Self.targets)
            let tally = try await database.registry.pool.read { db in
                try SQLiteAccess(db: db, coverageIndex: index).coverageCounts(query, on: [query.asOf])
            }
            let point = try #require(tally.points.first)
            let actual = CoverageReport.assembled(
                query, groups: point.groups, total: point.total, targets: Self.targets)
            #expect(actual == expected)
            #expect(tally.version == (try database.registry.read { try $0.coverageDataVersion() }))
        }
    }

    /// With a runner for rebuilds (as `serve` configures), the reader that finds the index far behind does not
    /// rebuild it: it answers from the previous version, labelled with that version, and hands the rebuild to the
    /// runner; once the job has run, answers are current and agree with brute force.
    @Test func withARunnerALargeChangeIsRebuiltElsewhereWhileReadersAnswerFromThePreviousVersion() async throws {
        let jobs = Mutex<[@Sendable () -> Void]>([])
        var configuration = TemporaryDatabase.testConfiguration
        configuration.coverageRebuildRunner = { job in jobs.withLock { $0.append(job) } }
        configuration.coverageRebuildThreshold = 3
        let database = try TemporaryDatabase(configuration: configuration)
        var roster = CoverageRoster(seed: 77, enterprises: 40)
        let first = Array(roster.enterprises.prefix(10))
        _ = try await database.registry.write { try $0.upsert(first) }
        let query = CoverageQuery(region: CoverageRoster.fallbackRegion, asOf: roster.day(1_000...1_000))
        let before = try database.registry.read { try $0.coverageCounts(query, on: [query.asOf]) }
        #expect(jobs.withLock { $0.isEmpty }, "the first version is built by the asking reader")

        let all = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(all) }
        try await database.registry.seedCoverageAppointments(roster.appointments)
        try await database.registry.seedCoverageCertificates(roster.certificates)
        let latest = try database.registry.read { try $0.coverageDataVersion() }
        let meanwhile = try database.registry.read { try $0.coverageCounts(query, on: [query.asOf]) }
        #expect(meanwhile.version == before.version, "answered from the previous version, and labelled so")
        #expect(meanwhile.points.first?.total == before.points.first?.total)
        let pending = jobs.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        #expect(pending.count == 1)
        let again = try database.registry.read { try $0.coverageCounts(query, on: [query.asOf]) }
        #expect(again.version == before.version, "one rebuild at a time")
        #expect(jobs.withLock { $0.isEmpty })

        for job in pending { job() }
        for metric in CoverageMetric.allCases {
            var asked = query
            asked.metric = metric
            let after = try database.registry.read { try $0.coverageCounts(asked, on: [asked.asOf]) }
            #expect(after.version == latest)
            let expected = CoverageCalculator.report(
                asked, enterprises: roster.enterprises, appointments: roster.appointments,
                certificates: roster.certificates, targets: Self.targets)
            let point = try #require(after.points.first)
            #expect(
                CoverageReport.assembled(asked, groups: point.groups, total: point.total, targets: Self.targets)
                    == expected, "\(metric)")
        }
        #expect(jobs.withLock { $0.isEmpty })

        // A change to certificates alone, at more enterprises than the threshold, is rebuilt elsewhere too.
        let revoked = roster.certificates.map { $0.revoked(on: CoverageRoster.origin) }
        roster.certificates = revoked
        try await database.registry.seedCoverageCertificates(revoked)
        var training = query
        training.metric = .training
        let stale = try database.registry.read { try $0.coverageCounts(training, on: [training.asOf]) }
        #expect(stale.version == latest, "answered from the previous version while the rebuild waits")
        let rebuilds = jobs.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        #expect(rebuilds.count == 1)
        for job in rebuilds { job() }
        let fresh = try database.registry.read { try $0.coverageCounts(training, on: [training.asOf]) }
        #expect(fresh.version == (try database.registry.read { try $0.coverageDataVersion() }))
        #expect(fresh.points.first?.total.covered == 0, "every certificate is revoked")
        let expected = CoverageCalculator.report(
            training, enterprises: roster.enterprises, appointments: roster.appointments,
            certificates: roster.certificates, targets: Self.targets)
        let point = try #require(fresh.points.first)
        #expect(
            CoverageReport.assembled(training, groups: point.groups, total: point.total, targets: Self.targets)
                == expected)
    }

    /// A background rebuild that fails is abandoned: the next reader that finds the index behind starts another,
    /// and once one succeeds the answers are current (not stuck at the old version until a restart).
    @Test func aFailedBackgroundRebuildIsRetriedByTheNextReader() async throws {
        let jobs = Mutex<[@Sendable () -> Void]>([])
        let failing = Mutex(true)
        let database = try TemporaryDatabase.migrated()
        let index = CoverageIndex(rebuildThreshold: 3)
        let pool = database.registry.pool
        index.rebuildElsewhere({ job in jobs.withLock { $0.append(job) } }) { [weak index] in
            if failing.withLock({ $0 }) { throw StoreError.busy }
            try pool.read { db in try index?.rebuildNow(db) }
        }
        func count() throws -> CoverageTally {
            let query = CoverageQuery(region: CoverageRoster.fallbackRegion, asOf: CoverageRoster.origin)
            return try pool.read { db in
                try SQLiteAccess(db: db, coverageIndex: index).coverageCounts(query, on: [query.asOf])
            }
        }
        func runJobs() {
            let pending = jobs.withLock { jobs in
                defer { jobs.removeAll() }
                return jobs
            }
            for job in pending { job() }
        }
        let roster = CoverageRoster(seed: 5, enterprises: 20)
        _ = try await database.registry.write { try $0.upsert(Array(roster.enterprises.prefix(2))) }
        let first = try count()
        let all = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(all) }
        #expect(try count().version == first.version)
        runJobs()  // fails
        #expect(try count().version == first.version)
        #expect(jobs.withLock { $0.count } == 1, "the next reader starts another rebuild")
        failing.withLock { $0 = false }
        runJobs()
        #expect(try count().version == (try database.registry.read { try $0.coverageDataVersion() }))
    }

    /// Inside a write transaction (which may roll back) counts come from a private copy, not the shared index,
    /// and still agree; a rolled-back change never reaches the shared index.
    @Test func writeTransactionsCountPrivatelyAndRollbacksLeaveNoTrace() async throws {
        let database = try TemporaryDatabase.migrated()
        var roster = CoverageRoster(seed: 77, enterprises: 40)
        let enterprises = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(enterprises) }
        try await database.registry.seedCoverageAppointments(roster.appointments)
        let query = CoverageQuery(
            region: CoverageRoster.fallbackRegion, asOf: roster.day(800...800), groupBy: .sizeClass)
        let read = try database.registry.read { try $0.coverageCounts(query, on: [query.asOf]) }
        let written = try await database.registry.write { try $0.coverageCounts(query, on: [query.asOf]) }
        #expect(read == written)
        // Training, and several dates at once, through the private copy's scan (it has no cells).
        try await database.registry.seedCoverageCertificates(roster.certificates)
        let training = CoverageQuery(
            region: query.region, asOf: query.asOf, metric: .training, groupBy: query.groupBy,
            population: query.population)
        let ends = CivilDate.monthEnds(from: roster.day(0...0), through: roster.day(1_000...1_000))
        let readTraining = try database.registry.read { try $0.coverageCounts(training, on: ends) }
        let writtenTraining = try await database.registry.write { try $0.coverageCounts(training, on: ends) }
        #expect(readTraining.points.map(\.total) == writtenTraining.points.map(\.total))
        #expect(readTraining.points.map(\.groups) == writtenTraining.points.map(\.groups))
        #expect(readTraining.points.contains { $0.total.covered > 0 })
        struct Abandon: Error {}
        let extra = Enterprise.fixture(999, region: "442000100001")
        await #expect(throws: Abandon.self) {
            try await database.registry.write { writer in
                try writer.insert(extra)
                _ = try writer.coverageCounts(query, on: [query.asOf])
                throw Abandon()
            }
        }
        let after = try database.registry.read { try $0.coverageCounts(query, on: [query.asOf]) }
        #expect(after.points.map(\.total) == read.points.map(\.total))
        #expect(after.points.map(\.groups) == read.points.map(\.groups))
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func trendAgreesWithBruteForceAtEveryMonthEnd(seed: UInt64) async throws {
        let database = try TemporaryDatabase.migrated()
        var roster = CoverageRoster(seed: seed + 1_000, enterprises: 80)
        let enterprises = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(enterprises) }
        try await database.registry.seedCoverageAppointments(roster.appointments)
        try await database.registry.seedCoverageCertificates(roster.certificates)
        let questions = (0..<5).map { _ -> (CoverageQuery, CivilDate, CivilDate) in
            let query = roster.query()
            let from = roster.day(-40...600)
            return (query, from, from.adding(days: roster.random.int(0...900)))
        }
        let (enterprises2, appointments, certificates) = (roster.enterprises, roster.appointments, roster.certificates)
        let pairs = try await Self.offDispatch {
            try questions.map { query, from, to in
                let expected = CoverageCalculator.trend(
                    query, from: from, through: to, enterprises: enterprises2, appointments: appointments,
                    certificates: certificates, targets: Self.targets)
                let ends = CivilDate.monthEnds(from: from, through: to)
                let tally = try database.registry.read { try $0.coverageCounts(query, on: ends) }
                let actual = zip(ends, tally.points).map { end, point in
                    CoverageReport.assembled(
                        query.asOf(end), groups: point.groups, total: point.total, targets: Self.targets)
                }
                return (actual, expected)
            }
        }
        for (actual, expected) in pairs { #expect(actual == expected, "seed \(seed)") }
    }

    /// The worklist (SQL, not the index) against brute force for both metrics: the population members not covered.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func worklistAgreesWithBruteForce(seed: UInt64) async throws {
        let database = try TemporaryDatabase.migrated()
        var roster = CoverageRoster(seed: seed + 2_000, enterprises: 80)
        let enterprises = roster.enterprises
        _ = try await database.registry.write { try $0.upsert(enterprises) }
        try await database.registry.seedCoverageAppointments(roster.appointments)
        try await database.registry.seedCoverageCertificates(roster.certificates)
        for _ in 0..<10 {
            var query = roster.query()
            query.groupBy = nil
            let expected = CoverageCalculator.worklist(
                query, enterprises: roster.enterprises, appointments: roster.appointments,
                certificates: roster.certificates
            ).map(\.uscc)
            let actual = try database.registry.read { try $0.uncoveredEnterprises(query, after: nil, limit: 1_000) }
            #expect(actual.map(\.uscc) == expected, "seed \(seed), query \(query)")
        }
    }
}
