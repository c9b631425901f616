import RegistryDomain

/// Test-only shorthands. A literal that is known to be valid is unwrapped with `!`-like traps on purpose:
/// a broken fixture should fail loudly.
extension CivilDate {
    static func fixture(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad fixture date \(text)") }
        return date
    }
}

func date(_ text: String) -> CivilDate { .fixture(text) }

extension USCC {
    /// A valid code built from 17 leading characters and their check character.
    static func fixture(_ first17: String = "91442000MA4UJ6R97") -> USCC {
        guard let check = USCC.checkCharacter(for: first17), let code = try? USCC(first17 + String(check)) else {
            fatalError("bad fixture USCC \(first17)")
        }
        return code
    }
}

extension ResidentIDNumber {
    /// A valid number built from 17 leading digits and their check character.
    static func fixture(_ first17: String = "44200019900101123") -> ResidentIDNumber {
        guard let check = ResidentIDNumber.checkCharacter(for: first17),
            let number = try? ResidentIDNumber(first17 + String(check))
        else { fatalError("bad fixture ID number \(first17)") }
        return number
    }
}

extension PersonDetails {
    static func fixture(name: String = "张三明") -> PersonDetails {
        guard let phone = try? PhoneNumber("13812345678") else { fatalError("bad fixture phone") }
        return PersonDetails(name: name, idNumber: .fixture(), phone: phone, email: nil)
    }
}

extension AppointmentFiling {
    static func fixture(role: Role = .cqo, appointedOn: String = "2024-01-10") -> AppointmentFiling {
        AppointmentFiling(
            role: role, person: .fixture(), position: "质量副总经理", isPrincipal: false, appointedOn: date(appointedOn))
    }
}

let fixtureInstant = Instant(utc: date("2025-03-01"), hour: 8, minute: 30)

extension Appointment {
    /// An appointment with the given dates; its status follows from them unless given.
    static func fixture(
        id: Int64 = 1, uscc: USCC = .fixture(), role: Role = .cqo, appointedOn: String = "2024-01-10",
        registeredOn: String? = nil, endedOn: String? = nil, status: AppointmentStatus? = nil
    ) -> Appointment {
        let derived: AppointmentStatus =
            registeredOn == nil
            ? (endedOn == nil ? .submitted : .dismissed) : (endedOn == nil ? .registered : .dismissed)
        return Appointment(
            id: id, uscc: uscc, personID: id, filing: .fixture(role: role, appointedOn: appointedOn),
            status: status ?? derived, registeredOn: registeredOn.map(date), endedOn: endedOn.map(date))
    }
}

extension USCC {
    /// The `number`-th valid code of a synthetic roster.
    static func fixture(number: Int) -> USCC {
        let digits = String(number)
        return .fixture("91442000" + String(repeating: "0", count: 9 - digits.count) + digits)
    }
}

extension Enterprise {
    static func fixture(
        number: Int = 1, region: String = "442000100", sizeClass: SizeClass = .large, aboveScale: Bool = true,
        industry: String = "C3857", sector: Sector = .product, registeredOn: String? = nil,
        deregisteredOn: String? = nil
    ) -> Enterprise {
        guard let regionCode = try? RegionCode(region), let industryCode = try? IndustryCode(industry) else {
            fatalError("bad fixture enterprise")
        }
        return Enterprise(
            uscc: .fixture(number: number), name: "企业\(number)", regionCode: regionCode, sizeClass: sizeClass,
            aboveScale: aboveScale, industryCode: industryCode, sector: sector,
            registeredOn: registeredOn.map(date), deregisteredOn: deregisteredOn.map(date))
    }
}

func region(_ text: String) -> RegionCode {
    guard let code = try? RegionCode(text) else { fatalError("bad fixture region \(text)") }
    return code
}

func ratio(_ text: String) -> CoverageRatio {
    guard let ratio = try? CoverageRatio(text) else { fatalError("bad fixture ratio \(text)") }
    return ratio
}

extension CoverageTarget {
    static func fixture(
        id: Int64 = 1, region: String = "44", metric: CoverageMetric = .appointment, roles: Set<Role> = [.cqo],
        population: PopulationFilter = .everyone, deadline: String = "2025-12-31", ratio text: String = "1"
    ) -> CoverageTarget {
        CoverageTarget(
            id: id, regionCode: RegistryDomainTests.region(region), metric: metric, roles: roles,
            population: population, deadline: date(deadline), ratio: RegistryDomainTests.ratio(text))
    }
}
