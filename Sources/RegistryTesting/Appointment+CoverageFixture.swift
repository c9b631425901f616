import RegistryDomain

extension Appointment {
    /// An appointment with the dates and status a coverage test is about; the person is a fixed valid one.
    package static func coverageFixture(
        id: Int64, uscc: USCC, role: Role = .cqo, status: AppointmentStatus, appointedOn: CivilDate,
        registeredOn: CivilDate?, endedOn: CivilDate?
    ) -> Appointment {
        let person = PersonDetails(
            name: "张三明", idNumber: fixtureIDNumber, phone: fixturePhone, email: nil)
        let filing = AppointmentFiling(
            role: role, person: person, position: "质量副总经理", isPrincipal: false, appointedOn: appointedOn)
        return Appointment(
            id: id, uscc: uscc, personID: id, filing: filing, status: status, registeredOn: registeredOn,
            endedOn: endedOn)
    }

    private static var fixtureIDNumber: ResidentIDNumber {
        let first17 = "44200019900101123"
        guard let check = ResidentIDNumber.checkCharacter(for: first17),
            let number = try? ResidentIDNumber(first17 + String(check))
        else { preconditionFailure("fixture ID number is invalid") }
        return number
    }

    private static var fixturePhone: PhoneNumber {
        guard let phone = try? PhoneNumber("13812345678") else { preconditionFailure("fixture phone is invalid") }
        return phone
    }
}
