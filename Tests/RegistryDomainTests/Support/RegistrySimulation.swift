import RegistryDomain

/// A seeded random registry run day by day through the domain's own state machine: enterprises, filings,
/// registrations (with supersession), returns, resubmissions, dismissals, exits and certificates.
/// Every event of day `t` uses `today = t` and dates no later than `t`.
struct RegistrySimulation {
    private(set) var enterprises: [Enterprise] = []
    private(set) var appointments: [Appointment] = []
    private(set) var certificates: [Certificate] = []
    private(set) var today: CivilDate
    private var random: SplitMix64
    private let endDate: Supersession.EndDate

    static let regions = ["442000100", "442000101", "442000", "441900003", "440106001"]
    static let industries = ["C3857", "C3911", "C1310", "F5123", "A0111", "E4710"]

    init(seed: UInt64, enterprises count: Int = 30, start: CivilDate, endDate: Supersession.EndDate) {
        random = SplitMix64(seed: seed)
        today = start
        self.endDate = endDate
        for number in 1...count {
            enterprises.append(
                Enterprise.fixture(
                    number: number, region: pick(Self.regions), sizeClass: pick(SizeClass.allCases),
                    aboveScale: Bool.random(using: &random), industry: pick(Self.industries),
                    sector: pick(Sector.allCases),
                    registeredOn: chance(0.2)
                        ? start.adding(days: Int.random(in: 0...400, using: &random)).description : nil,
                    deregisteredOn: chance(0.1)
                        ? start.adding(days: Int.random(in: 100...700, using: &random)).description : nil
                ))
        }
    }

    /// Runs events up to and including `day`.
    mutating func run(through day: CivilDate) {
        while today <= day {
            for _ in 0..<3 { step() }
            today = today.adding(days: 1)
        }
    }

    private mutating func step() {
        let at = Instant(utc: today)
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1, 2:
            let enterprise = pick(enterprises)
            let filing = AppointmentFiling.fixture(
                role: chance(0.8) ? .cqo : .safetyDirector,
                appointedOn: today.adding(days: -Int.random(in: 0...60, using: &random)).description)
            appointments.append(
                .filed(
                    id: Int64(appointments.count + 1), uscc: enterprise.uscc, personID: Int64(appointments.count + 1),
                    filing: filing, by: "enterprise", at: at))
        case 3, 4:
            guard let index = someIndex(with: .submitted) else { return }
            let existing = appointments.filter { $0.uscc == appointments[index].uscc }
            guard
                let (registered, superseded) = try? appointments[index].registerSuperseding(
                    existing, today: today, by: "regulator", at: at, endDate: endDate)
            else { return }
            appointments[index] = registered
            for old in superseded { appointments[Int(old.id) - 1] = old }
        case 5:
            guard let index = someIndex(with: .submitted) else { return }
            appointments[index] =
                (try? appointments[index].returnFiling(reason: "补正", by: "r", at: at)) ?? appointments[index]
        case 6:
            guard let index = someIndex(with: .returned) else { return }
            let filing = appointments[index].filing
            appointments[index] =
                (try? appointments[index].resubmit(filing: filing, by: "e", at: at)) ?? appointments[index]
        case 7:
            guard let index = someIndex(with: .registered) else { return }
            appointments[index] =
                (try? appointments[index].dismiss(reason: "离职", today: today, by: "e", at: at)) ?? appointments[index]
        case 8:
            guard let index = someIndex(with: .registered) else { return }
            let removed = try? appointments[index].remove(
                occurredOn: today, reason: "退出", today: today, by: "r", at: at)
            appointments[index] = removed ?? appointments[index]
            let personID = appointments[index].personID
            certificates = certificates.map { $0.personID == personID ? $0.revoked(on: today) : $0 }
        default:
            guard let index = someIndex(with: .registered),
                let number = CertificateNumber(year: today.year, sequence: certificates.count + 1)
            else { return }
            certificates.append(.issued(number: number, personID: appointments[index].personID, on: today))
        }
    }

    private mutating func someIndex(with status: AppointmentStatus) -> Int? {
        let indices = appointments.indices.filter { appointments[$0].status == status }
        return indices.isEmpty ? nil : indices[Int.random(in: 0..<indices.count, using: &random)]
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }
}
