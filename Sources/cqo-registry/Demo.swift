import ArgumentParser
import RegistryAPI
import RegistryDomain
import RegistryStore

/// `cqo-registry demo --db PATH`: a realistic synthetic city to try the registry on.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Fill a database with a synthetic city: Zhongshan's towns, enterprises of every size and industry, CQO filings in every status over 2021–2025, training, exams and certificates in every state, direct reports in every status and a few recognitions."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many enterprises.") var enterprises: Int = 3_000
    @Option(help: "Seed of the generator: the same seed makes the same city.") var seed: UInt64 = 2025

    func validate() throws {
        guard (1...2_000_000).contains(enterprises) else { throw ValidationError("--enterprises is 1 to 2,000,000") }
    }

    func run() async throws {
        let registry = try database.open()
        var city = DemoCity(seed: seed)
        let roster = (0..<enterprises).map { city.enterprise($0) }
        let created = try await registry.write { try $0.upsert(roster) }
        let today = RegistryClock.system.today
        let appointments = try await city.fileAppointments(for: roster, in: registry, today: today)
        let (sessions, exams, certificates) = try await city.recordTraining(in: registry, today: today)
        let (reports, recognitions) = try await city.fileReportsAndRecognitions(
            for: roster, in: registry, today: today)
        Log.stderr(
            "demo city: \(roster.count) enterprises (\(created) new) in \(DemoCity.towns.count) towns of Zhongshan, "
                + "\(appointments) appointments filed, \(sessions) training sessions, \(exams) exams, "
                + "\(certificates) certificates, \(reports) direct reports, \(recognitions) recognitions")
        try registry.close()
    }
}
