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

    @Test(arguments: [
        (2025, 123, "CQO", "CQO-2025-000123"),
        (2025, 1, "CQO", "CQO-2025-000001"),
        (2026, 999_999, "CQO", "CQO-2026-999999"),
        (2026, 1_234_567, "CQO", "CQO-2026-1234567"),
        (2025, 42, "GDZL", "GDZL-2025-000042"),
    ])
    func numbersAreFormattedFromYearAndSequence(year: Int, sequence: Int, prefix: String, text: String) throws {
        let number = try #require(CertificateNumber(year: year, sequence: sequence, prefix: prefix))
        #expect(number.description == text)
        #expect(CertificateNumber(text) == number)
    }

    @Test(arguments: [
        "", "CQO-2025-00012", "CQO-2025-0001234", "cqo-2025-000123", "CQO-25-000123", "CQO-2025-000000",
        "CQO-2025-+00123", "CQO_2025_000123", "CQO-2025-000123-1", "-2025-000123", "CQO-0999-000001",
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
