import RegistryDomain
import Testing

@Suite struct CertificateTests {
    @Test(arguments: [
        ("2025-03-01", 3, "2028-02-29"),
        ("2025-01-01", 3, "2027-12-31"),
        ("2024-02-29", 3, "2027-02-28"),  // anniversary in a non-leap year is 1 March
        ("2024-02-29", 4, "2028-02-28"),
        ("2023-03-01", 1, "2024-02-29"),
        ("2025-12-31", 3, "2028-12-30"),
    ])
    func validityLastsWholeYearsToTheDayBeforeTheAnniversary(issued: String, years: Int, expires: String) {
        #expect(CertificatePolicy(validityYears: years).expiry(issuedOn: date(issued)) == date(expires))
    }

    @Test(arguments: [
        ("2025-02-28", CertificateStatus.valid, false),  // before issuance: status reads valid, but not in force
        ("2025-03-01", .valid, true),
        ("2028-02-29", .valid, true),
        ("2028-03-01", .expired, false),
    ])
    func statusFollowsTheDates(day: String, status: CertificateStatus, inForce: Bool) throws {
        let certificate = Certificate.issued(
            number: try #require(CertificateNumber(year: 2025, sequence: 1)), personID: 1, on: date("2025-03-01"))
        #expect(certificate.status(on: date(day)) == status)
        #expect(certificate.isValid(on: date(day)) == inForce)
    }

    @Test(arguments: [("2026-05-31", CertificateStatus.valid), ("2026-06-01", .revoked), ("2030-01-01", .revoked)])
    func revocationWinsFromItsDay(day: String, status: CertificateStatus) throws {
        let certificate = Certificate.issued(
            number: try #require(CertificateNumber(year: 2025, sequence: 1)), personID: 1, on: date("2025-03-01")
        ).revoked(on: date("2026-06-01"))
        #expect(certificate.status(on: date(day)) == status)
        #expect(certificate.revoked(on: date("2027-01-01")).revokedOn == date("2026-06-01"))  // an earlier one stands
    }

    @Test(
        arguments: [
            (24, "2028-01-01", "2031-02-28"),
            (23, "2028-01-01", nil),  // too few hours
            (24, "2028-03-01", nil),  // already expired
        ] as [(Int, String, String?)])
    func renewalExtendsByTheValidityFromTheOldExpiry(hours: Int, on day: String, expires: String?) throws {
        let certificate = Certificate.issued(
            number: try #require(CertificateNumber(year: 2025, sequence: 1)), personID: 1, on: date("2025-03-01"))
        let renewed = CertificatePolicy().renewed(certificate, on: date(day), continuingEducationHours: hours)
        #expect(renewed?.expiresOn == expires.map(date))
    }

    @Test(arguments: [(2025, "CQO"), (2026, "CQO"), (2025, "GDZL")])
    func numbersCarryPrefixYearRandomSymbolsAndACheckSymbol(year: Int, prefix: String) throws {
        var generator = SplitMix64(seed: UInt64(year))
        let number = try #require(CertificateNumber.random(year: year, prefix: prefix, using: &generator))
        #expect(number.description.hasPrefix("\(prefix)-\(year)-"))
        #expect(number.serial.utf8.count == CertificateNumber.randomSymbols + 1)
        #expect(CertificateNumber(number.description) == number)
        #expect(CertificateNumber(number.description.lowercased()) == number)
    }

    /// Neighbouring numbers share nothing that predicts one from another: 2,000 numbers drawn in a row are all
    /// different, and no serial follows from the one before by a fixed step.
    @Test func numbersAreNotGuessableFromTheirNeighbours() throws {
        var generator = SplitMix64(seed: 7)
        var seen: Set<String> = []
        for _ in 0..<2_000 {
            let number = try #require(CertificateNumber.random(year: 2025, using: &generator))
            #expect(seen.insert(number.serial).inserted)
        }
        #expect(seen.count == 2_000)
    }

    /// Every single mistyped symbol and every swap of two different neighbours is refused by the check symbol.
    @Test func everySingleSubstitutionAndNeighbourSwapIsRefused() throws {
        var generator = SplitMix64(seed: 11)
        let symbols = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for _ in 0..<20 {
            let number = try #require(CertificateNumber.random(year: 2025, using: &generator))
            let text = Array(number.description)
            let first = "CQO-".count
            for index in first..<text.count where text[index] != "-" {
                for symbol in symbols where symbol != text[index] {
                    var typo = text
                    typo[index] = symbol
                    #expect(CertificateNumber(String(typo)) == nil, "\(String(typo)) passed the check")
                }
                let next = index + 1
                if next < text.count, text[next] != "-", text[next] != text[index] {
                    var swapped = text
                    swapped.swapAt(index, next)
                    #expect(CertificateNumber(String(swapped)) == nil, "\(String(swapped)) passed the check")
                }
            }
        }
    }

    @Test(arguments: [
        "", "CQO-2025-000123", "CQO-2025-7K3M9QX2P", "CQO-25-7K3M9QX2PD", "CQO_2025_7K3M9QX2PD", "-2025-7K3M9QX2PD",
        "CQO-0999-7K3M9QX2PD", "CQO-2025-7K3M9QX2PDD", "CQO-2025-7K3M9QX2P-D", "CQO-2025-7K3M9QXOPD",
        "CQO1-2025-7K3M9QX2PD", "CQO-2025-7K3M9QX2P%",
    ])
    func malformedNumbersAreRefused(text: String) {
        #expect(CertificateNumber(text) == nil)
    }

    @Test func talentPoolHoldsThoseWithAValidUnrevokedCertificate() throws {
        func certificate(_ person: Int64, _ issued: String, revoked: String? = nil) throws -> Certificate {
            var certificate = Certificate.issued(
                number: try #require(CertificateNumber(year: 2025, sequence: Int(person))), personID: person,
                on: date(issued))
            certificate.revokedOn = revoked.map(date)
            return certificate
        }
        let certificates = [
            try certificate(1, "2025-01-01"), try certificate(1, "2024-01-01"), try certificate(2, "2021-01-01"),
            try certificate(3, "2025-01-01", revoked: "2025-02-01"), try certificate(4, "2025-06-01"),
        ]
        #expect(TalentPool.members(certificates: certificates, on: date("2025-03-01")) == [1])
        #expect(TalentPool.contains(4, certificates: certificates, on: date("2025-06-01")))
        #expect(!TalentPool.contains(2, certificates: certificates, on: date("2025-03-01")))
    }
}
