import RegistryDomain

extension USCC {
    /// A valid code whose characters 3–8 are `division` (first six digits, zero-padded) and whose serial is `serial`.
    package static func fixture(_ serial: Int, division: String = "442000") -> USCC {
        let digits = String(serial)
        let body = "91" + String((division + "000000").prefix(6)) + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        let first17 = String(body.prefix(17))
        let check = USCC.checkCharacter(for: first17).map(String.init) ?? "0"
        // A fixture's arguments are always valid, so this never fails.
        return (try? USCC(first17 + check)) ?? USCC.unsafeFixtureFallback
    }

    private static var unsafeFixtureFallback: USCC {
        // 91442000000000000 + its check character, computed by hand once.
        guard let code = try? USCC("91442000000000000" + String(USCC.checkCharacter(for: "91442000000000000") ?? "0")) else {
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
