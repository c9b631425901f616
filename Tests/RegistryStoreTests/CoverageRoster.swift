import RegistryDomain
import RegistryTesting

/// A seeded random roster, appointment history and certificates for coverage tests: few distinct values per
/// field, so that groups, filters, boundaries (registration = deregistration = query day), overlapping terms, one
/// person appointed at several enterprises, and certificates expired, revoked (even before issue) and renewed all
/// occur.
struct CoverageRoster {
    var random: SplitMix64
    var enterprises: [Enterprise] = []
    var appointments: [Appointment] = []
    var certificates: [Certificate] = []
    /// Persons shared between appointments: a few of them hold the post at several enterprises.
    let sharedPersons: ClosedRange<Int64>

    static let regions = [
        "442000100001", "442000101002", "442000100", "4420", "442000", "440300100001", "440306001", "44030",
        "441900003001",
    ]
    static let industries = ["C3857", "C3911", "C13", "C", "F5123", "A0111", "E4710"]
    static let origin = CivilDate(year: 2022, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0)

    init(seed: UInt64, enterprises count: Int) {
        random = SplitMix64(seed: seed)
        sharedPersons = 100_001...Int64(100_000 + max(1, count / 4))
        for serial in 1...count { enterprises.append(enterprise(serial)) }
        for enterprise in enterprises { addTerms(enterprise.uscc) }
        for _ in 0..<count { addCertificate() }
    }

    /// A certificate of an appointed person (or of nobody appointed): issued within the roster's years, valid up to
    /// two years, sometimes revoked (before issue, during validity or after expiry).
    mutating func addCertificate() {
        let person =
            random.chance(0.9) && !appointments.isEmpty
            ? pick(appointments).personID : Int64(random.int(900_000...900_100))
        let issued = day(-200...900)
        let expires = issued.adding(days: random.int(0...700))
        let revoked = random.chance(0.25) ? issued.adding(days: random.int(-10...800)) : nil
        let number = CertificateNumber.fixture(year: 2022, sequence: certificates.count + 1)
        certificates.append(
            Certificate(number: number, personID: person, issuedOn: issued, expiresOn: expires, revokedOn: revoked))
    }

    /// Revokes, renews or re-dates a random certificate in place; returns it for storing.
    mutating func changeCertificate() -> Certificate? {
        guard !certificates.isEmpty else { return nil }
        let index = random.int(0...(certificates.count - 1))
        switch random.int(0...2) {
        case 0: certificates[index] = certificates[index].revoked(on: day(0...1_000))
        case 1: certificates[index].expiresOn = certificates[index].expiresOn.adding(days: random.int(1...700))
        default:
            certificates[index].issuedOn = day(-100...800)
            certificates[index].expiresOn = certificates[index].issuedOn.adding(days: random.int(0...700))
        }
        return certificates[index]
    }

    mutating func day(_ range: ClosedRange<Int>) -> CivilDate { Self.origin.adding(days: random.int(range)) }

    mutating func pick<T>(_ values: [T]) -> T { values[random.int(0...(values.count - 1))] }

    mutating func enterprise(_ serial: Int) -> Enterprise {
        let registered: String? = random.chance(0.3) ? day(0...700).description : nil
        let deregistered: String? = random.chance(0.15) ? day(100...1_000).description : nil
        return Enterprise.fixture(
            serial, region: pick(Self.regions), sizeClass: pick(SizeClass.allCases), aboveScale: random.chance(0.4),
            industry: pick(Self.industries), sector: pick(Sector.allCases), registeredOn: registered,
            deregisteredOn: deregistered)
    }

    /// Up to three terms of roles, registered or not, ended or open; at most one open registered `cqo`.
    mutating func addTerms(_ uscc: USCC) {
        var open = false
        for _ in 0..<random.int(0...3) { appointments.append(term(uscc, open: &open)) }
    }

    mutating func term(_ uscc: USCC, open: inout Bool) -> Appointment {
        var appointment = unsharedTerm(uscc, open: &open)
        if random.chance(0.4) {
            appointment.personID = Int64(random.int(Int(sharedPersons.lowerBound)...Int(sharedPersons.upperBound)))
        }
        return appointment
    }

    mutating func unsharedTerm(_ uscc: USCC, open: inout Bool) -> Appointment {
        let id = Int64(appointments.count + 1)
        let role: Role = random.chance(0.8) ? .cqo : .safetyDirector
        let appointed = day(0...900)
        guard random.chance(0.85) else {
            return .coverageFixture(
                id: id, uscc: uscc, role: role, status: .submitted, appointedOn: appointed, registeredOn: nil,
                endedOn: nil)
        }
        let registered = appointed.adding(days: random.int(0...90))
        if !(role == .cqo && open), random.chance(0.5) {
            if role == .cqo { open = true }
            return .coverageFixture(
                id: id, uscc: uscc, role: role, status: .registered, appointedOn: appointed, registeredOn: registered,
                endedOn: nil)
        }
        return .coverageFixture(
            id: id, uscc: uscc, role: role, status: .dismissed, appointedOn: appointed, registeredOn: registered,
            endedOn: appointed.adding(days: random.int(0...400)))
    }

    /// A random query over the roster's regions, filters and grouping.
    mutating func query() -> CoverageQuery {
        let region = pick(["44", "4420", "442000", "4420001", "4403", "440", "4", "442000100001", "4419"])
        var population = PopulationFilter()
        if random.chance(0.3) { population.sizeClass = pick(SizeClass.allCases) }
        if random.chance(0.3) { population.aboveScale = random.chance(0.5) }
        if random.chance(0.3) { population.manufacturing = random.chance(0.5) }
        if random.chance(0.2) { population.industry = try? IndustryCode(pick(["C", "C3", "C38", "C3857", "F"])) }
        if random.chance(0.2) { population.sector = pick(Sector.allCases) }
        let grouping: CoverageGrouping? = random.chance(0.2) ? nil : pick(CoverageGrouping.allCases)
        return CoverageQuery(
            region: (try? RegionCode(region)) ?? Self.fallbackRegion, asOf: day(-30...1_100),
            metric: random.chance(0.5) ? .training : .appointment, groupBy: grouping, population: population)
    }

    static var fallbackRegion: RegionCode {
        guard let region = try? RegionCode("44") else { preconditionFailure("region") }
        return region
    }
}

/// The shared SplitMix64 (RegistryDomain), with the draws the rosters use.
extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
