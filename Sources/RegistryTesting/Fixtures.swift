import RegistryDomain

extension USCC {
    /// A valid code whose characters 3–8 are `division` (first six digits, zero-padded) and whose serial is `serial`.
    package static func fixture(_ serial: Int, division: String = "442000") -> USCC {
        let digits = String(serial)
        let body =
            "91" + String((division + "000000").prefix(6)) + String(repeating: "0", count: max(0, 9 - digits.count))
            + digits
        let first17 = String(body.prefix(17))
        let check = USCC.checkCharacter(for: first17).map(String.init) ?? "0"
        // A fixture's arguments are always valid, so this never fails.
        return (try? USCC(first17 + check)) ?? USCC.unsafeFixtureFallback
    }

    private static var unsafeFixtureFallback: USCC {
        // 91442000000000000 + its check character, computed by hand once.
        guard let code = try? USCC("91442000000000000" + String(USCC.checkCharacter(for: "91442000000000000") ?? "0"))
        else {
            preconditionFailure("fixture USCC is invalid")
        }
        return code
    }
}

extension Enterprise {
    /// An enterprise with sensible defaults; override what a test is about.
    package static func fixture(
        _ serial: Int = 1, region: String = "442000100001", sizeClass: SizeClass = .small, aboveScale: Bool = false,
        industry: String = "C3857", sector: Sector = .product, name: String? = nil,
        registeredOn: String? = "2020-01-01", deregisteredOn: String? = nil
    ) -> Enterprise {
        Enterprise(
            uscc: .fixture(serial, division: String(region.prefix(6))), name: name ?? "中山市测试\(serial)电器有限公司",
            regionCode: (try? RegionCode(region)) ?? (try? RegionCode("44")) ?? preconditionFailure(),
            sizeClass: sizeClass, aboveScale: aboveScale,
            industryCode: (try? IndustryCode(industry)) ?? (try? IndustryCode("C38")) ?? preconditionFailure(),
            sector: sector, registeredOn: registeredOn.flatMap { CivilDate($0) },
            deregisteredOn: deregisteredOn.flatMap { CivilDate($0) })
    }
}

private func preconditionFailure<T>() -> T { Swift.preconditionFailure("invalid fixture default") }

extension ResidentIDNumber {
    /// A valid resident ID number (GB 11643) for Zhongshan (442000), born on `birth`, with sequence `serial`.
    package static func fixture(_ serial: Int, birth: String = "19800101") -> String {
        let sequence = String(serial % 1000)
        let first17 = "442000" + birth + String(repeating: "0", count: 3 - sequence.count) + sequence
        return first17 + String(ResidentIDNumber.checkCharacter(for: first17) ?? "0")
    }
}

/// Appointment filing bodies for API tests.
package enum FilingFixture {
    /// A filing's JSON with sensible defaults; override what a test is about.
    package static func json(
        role: String = "cqo", person serial: Int = 1, name: String = "张三明", phone: String = "13812345678",
        position: String = "质量副总经理", appointedOn: String = "2025-03-01"
    ) -> String {
        #"{"role":"\#(role)","person":{"name":"\#(name)","id_number":"\#(ResidentIDNumber.fixture(serial))","phone":"\#(phone)","email":"cqo\#(serial)@example.com"},"position":"\#(position)","is_principal":false,"appointed_on":"\#(appointedOn)"}"#
    }
}
