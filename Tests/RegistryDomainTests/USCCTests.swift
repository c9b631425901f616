import RegistryDomain
import Testing

@Suite struct USCCTests {
    @Test(arguments: [
        "91350100M000100Y43",  // the example printed in GB 32100-2015 guidance
        "91442000MA4UJ6R97W",  // note: "…R97X", sometimes quoted, fails the check
        "91110000100000000R",
        "121000004000003980",
    ])
    func validCodesAreAccepted(text: String) throws {
        #expect(USCC.defect(of: text) == nil)
        #expect(try USCC(text).value == text)
    }

    @Test func registeringDivisionIsCharactersThreeToEight() throws {
        #expect(try USCC("91442000MA4UJ6R97W").registeringDivision == "442000")
    }

    @Test(arguments: [
        ("", "length"),
        ("91442000MA4UJ6R97", "length"),
        ("91442000MA4UJ6R97WW", "length"),
        ("91442000MA4UJ6R97Ｗ", "length"),  // a full-width letter is three UTF-8 bytes
        ("91442000MA4UJ6R97I", "charset"),
        ("91442000MA4UJ6R97O", "charset"),
        ("91442000MA4UJ6R97S", "charset"),
        ("91442000MA4UJ6R97V", "charset"),
        ("91442000MA4UJ6R97Z", "charset"),
        ("91442000ma4uj6r97w", "charset"),  // no case folding
        ("91442000MA4UJ6R9-W", "charset"),
        ("91442000MA4UJ6R97X", "checksum"),
        ("91442000MA4UJ6R970", "checksum"),
        ("19442000MA4UJ6R97W", "checksum"),  // transposed leading characters
    ])
    func invalidCodesNameTheirDefectAndField(text: String, code: String) throws {
        #expect(USCC.defect(of: text)?.rawValue == code)
        let failure = try #require(throws: ValidationFailure.self) { try USCC(text, field: "enterprise.uscc") }
        #expect(failure.violations.map(\.field) == ["enterprise.uscc"])
        #expect(failure.violations.map(\.code) == [code])
    }

    @Test(arguments: propertySeeds)
    func computedCheckCharacterIsTheOnlyValidOne(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for _ in 0..<50 {
            let first17 = String((0..<17).map { _ in alphabet[Int.random(in: 0..<31, using: &random)] })
            let check = try #require(USCC.checkCharacter(for: first17))
            #expect(USCC.defect(of: first17 + String(check)) == nil)
            for other in alphabet where other != check {
                #expect(USCC.defect(of: first17 + String(other)) == .checksum)
            }
        }
    }

    @Test(arguments: ["", "9144200", "91442000MA4UJ6R9I", "91442000MA4UJ6R97W"])
    func checkCharacterNeedsSeventeenValidCharacters(text: String) {
        #expect(USCC.checkCharacter(for: text) == nil)
    }
}
