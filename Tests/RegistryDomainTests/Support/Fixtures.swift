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
