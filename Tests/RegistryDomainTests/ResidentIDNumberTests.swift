import RegistryDomain
import Testing

@Suite struct ResidentIDNumberTests {
    @Test(arguments: [
        ("11010519491231002X", "11010519491231002X"),  // GB 11643-1999's own example
        ("11010519491231002x", "11010519491231002X"),  // lowercase x is normalised
        ("440524188001010014", "440524188001010014"),
    ])
    func validNumbersAreAcceptedAndNormalised(text: String, normalised: String) throws {
        #expect(ResidentIDNumber.defect(of: text) == nil)
        #expect(try ResidentIDNumber(text).value == normalised)
    }

    @Test(arguments: [
        ("", "length"),
        ("11010519491231002", "length"),
        ("11010519491231002X1", "length"),
        ("1101051949123100２X", "length"),  // a full-width digit is three UTF-8 bytes
        ("1101051949123100AX", "charset"),
        ("11010519491231002Y", "charset"),
        ("11010519491231002 ", "charset"),
        (" 1010519491231002X", "charset"),
        ("110105194902300020", "birth_date"),  // 30 February
        ("110105190002290020", "birth_date"),  // 1900 was not a leap year
        ("110105194913010020", "birth_date"),  // month 13
        ("110105000001010020", "birth_date"),  // year 0
        ("110105194912310021", "checksum"),
        ("110105194912310020", "checksum"),
    ])
    func invalidNumbersNameTheirDefectAndField(text: String, code: String) throws {
        #expect(ResidentIDNumber.defect(of: text)?.rawValue == code)
        let failure = try #require(throws: ValidationFailure.self) {
            try ResidentIDNumber(text, field: "person.id_number")
        }
        #expect(failure.violations.map(\.field) == ["person.id_number"])
        #expect(failure.violations.map(\.code) == [code])
        #expect(failure.violations.allSatisfy { !$0.message.isEmpty })
    }

    @Test func leapDayBirthIsAccepted() {
        let number = ResidentIDNumber.fixture("44200020000229123")
        #expect(number.birthDate == date("2000-02-29"))
        #expect(number.addressCode == "442000")
    }

    @Test(arguments: propertySeeds)
    func everyComputedCheckCharacterValidatesAndNoOtherDoes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<50 {
            let birth = CivilDate(daysSinceEpoch: Int.random(in: -25_000...20_000, using: &random))
            let address = String(Int.random(in: 100_000...999_999, using: &random))
            let sequence = String(Int.random(in: 100...999, using: &random))
            let first17 = address + birth.description.filter { $0 != "-" } + sequence
            let check = try #require(ResidentIDNumber.checkCharacter(for: first17))
            let number = try ResidentIDNumber(first17 + String(check))
            #expect(number.birthDate == birth)
            for other in "0123456789X" where other != check {
                #expect(ResidentIDNumber.defect(of: first17 + String(other)) == .checksum)
            }
        }
    }

    @Test(arguments: ["", "1234567890123456", "1234567890123456A", "123456789012345678"])
    func checkCharacterNeedsSeventeenDigits(text: String) {
        #expect(ResidentIDNumber.checkCharacter(for: text) == nil)
    }
}
