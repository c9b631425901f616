import RegistryDomain
import Testing

@Suite struct MaskingTests {
    @Test(arguments: [
        ("440524188001011234", "440***********1234"),
        ("13812345678", "138****5678"),
        ("020-12345678", "020*****5678"),
        ("12345678", "123*5678"),
        ("1234567", "*******"),  // too short to keep both ends: masked whole
        ("", ""),
        ("质量安全总监办公室电话", "质量安****公室电话"),
    ])
    func idNumbersAndPhonesKeepFirstThreeAndLastFour(text: String, masked: String) {
        #expect(Masking.keepingEnds(text) == masked)
    }

    @Test func typedValuesMaskThemselves() throws {
        #expect(ResidentIDNumber.fixture("44052418800101001").masked == "440***********0014")
        #expect(try PhoneNumber("13812345678").masked == "138****5678")
        let person = PersonDetails.fixture()
        #expect(person.maskedPhone == "138****5678")
        #expect(person.maskedIDNumber.count == 18)
    }

    @Test(arguments: [
        ("张三明", "张*明"),
        ("张明", "张*"),
        ("张", "*"),
        ("", ""),
        ("欧阳娜娜", "欧**娜"),
        ("  李四 ", "李*"),
        ("Ann", "A*n"),
        ("👩‍🔬王🧑🏽‍🚀", "👩‍🔬*🧑🏽‍🚀"),  // grapheme clusters stay whole
    ])
    func publicNamesKeepFirstAndLastCharacter(name: String, masked: String) {
        #expect(Masking.name(name) == masked)
    }

    @Test func maskedPersonHidesEveryPersonalField() throws {
        var person = PersonDetails.fixture(name: "张三明")
        person.email = try EmailAddress("zhang.san@example.com")
        #expect(
            person.masked
                == MaskedPerson(
                    name: "张*明", idNumber: Masking.keepingEnds(person.idNumber.value), phone: "138****5678",
                    email: "z***@example.com"))
        person.email = nil
        #expect(person.masked.email == nil)
    }
}
