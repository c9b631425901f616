import RegistryDomain
import Testing

@Suite struct CoverageRatioTests {
    @Test(
        arguments: [
            ("0.6", 600_000, "0.6"),
            ("1", 1_000_000, "1"),
            ("0.56", 560_000, "0.56"),
            ("0", 0, "0"),
            ("-0", 0, "0"),
            ("1.0", 1_000_000, "1"),
            ("1.000000000", 1_000_000, "1"),
            ("0.000001", 1, "0.000001"),
            ("0.1234560", 123_456, "0.123456"),
            ("6e-1", 600_000, "0.6"),
            ("6E-1", 600_000, "0.6"),
            ("0.01e2", 1_000_000, "1"),
            ("1e0", 1_000_000, "1"),
            ("100e-2", 1_000_000, "1"),
            ("10e-1", 1_000_000, "1"),
            ("0e5", 0, "0"),
        ] as [(String, Int64, String)])
    func jsonNumberTextIsReadExactlyAndWrittenMinimally(text: String, millionths: Int64, formatted: String) throws {
        let ratio = try CoverageRatio(text)
        #expect(ratio.millionths == millionths)
        #expect(ratio.description == formatted)
    }

    @Test(arguments: [
        ("", "format"), (".5", "format"), ("0.", "format"), ("01", "format"), ("0,5", "format"), ("1e", "format"),
        ("+0.5", "format"), (" 0.5", "format"), ("0.5 ", "format"), ("abc", "format"), ("NaN", "format"),
        ("1.0000001", "range"), ("2", "range"), ("-0.1", "range"), ("1e99999", "range"),
        ("0.0000001", "precision"), ("0.1234567", "precision"), ("1e-99999", "precision"),
    ])
    func otherTextsAreRejectedWithTheirReason(text: String, code: String) throws {
        let failure = try #require(throws: ValidationFailure.self) { try CoverageRatio(text, field: "ratio") }
        #expect(failure.violations.map(\.code) == [code])
        #expect(failure.violations.map(\.field) == ["ratio"])
    }

    @Test(arguments: propertySeeds)
    func everyMillionthRoundTripsThroughItsText(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let millionths = Int64.random(in: 0...1_000_000, using: &random)
            let ratio = try #require(CoverageRatio(millionths: millionths))
            #expect(try CoverageRatio(ratio.description) == ratio)
        }
    }

    @Test func millionthsOutsideTheRangeAreRefused() {
        #expect(CoverageRatio(millionths: -1) == nil)
        #expect(CoverageRatio(millionths: 1_000_001) == nil)
        #expect(CoverageRatio.one > CoverageRatio.zero)
    }
}
