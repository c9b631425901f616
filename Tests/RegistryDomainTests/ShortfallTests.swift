import RegistryDomain
import Testing

@Suite struct ShortfallTests {
    @Test(arguments: [
        ("0.56", 25, 0, 14),  // exactly 14: no rounding up from binary noise
        ("0.56", 25, 14, 0),
        ("0.56", 25, 13, 1),
        ("0.6", 7, 0, 5),  // 4.2 → 5
        ("0.6", 10, 6, 0),
        ("0.6", 10, 9, 0),  // never negative
        ("1", 4_915, 4_914, 1),
        ("1", 0, 0, 0),
        ("0", 100, 0, 0),
        ("0.3", 3, 0, 1),  // 0.9 → 1
        ("0.000001", 1, 0, 1),
        ("0.1", 30, 2, 1),  // 3 needed; 0.1 × 30 is 3.0000000000000004 in binary floating point
    ])
    func shortfallIsTheCeilingOfRatioTimesTotalLessCovered(text: String, total: Int, covered: Int, shortfall: Int) {
        #expect(Shortfall.of(total: total, covered: covered, ratio: ratio(text)) == shortfall)
    }

    @Test(arguments: propertySeeds)
    func requiredIsTheSmallestCountReachingTheRatio(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let target = try #require(CoverageRatio(millionths: Int64.random(in: 0...1_000_000, using: &random)))
            let total = Int.random(in: 0...100_000, using: &random)
            let required = target.required(of: total)
            // required / total ≥ ratio, and one fewer would not be.
            #expect(Int64(required) * 1_000_000 >= target.millionths * Int64(total))
            #expect(required == 0 || Int64(required - 1) * 1_000_000 < target.millionths * Int64(total))
            #expect((0...total).contains(required))
        }
    }

    @Test func figuresWithoutATargetHaveNoShortfall() {
        let figures = CoverageFigures(key: nil, total: 10, covered: 3, target: nil)
        #expect(figures.shortfall == nil)
        #expect(figures.met == nil)
        let withTarget = CoverageFigures(key: "large", total: 10, covered: 6, target: .fixture(ratio: "0.6"))
        #expect(withTarget.shortfall == 0)
        #expect(withTarget.met == true)
    }

    @Test(arguments: [
        (2, 3, 4, "0.6667"), (1, 3, 4, "0.3333"), (0, 5, 4, "0"), (5, 5, 4, "1"), (1, 2, 4, "0.5"), (1, 8, 2, "0.13"),
        (1, 16, 3, "0.063"),
    ])
    func ratioTextRoundsHalfUpAndDropsTrailingZeros(covered: Int, total: Int, decimals: Int, text: String) {
        #expect(
            CoverageFigures(key: nil, total: total, covered: covered, target: nil).ratioText(decimals: decimals) == text
        )
    }

    /// Every fraction up to 1/97 against a text oracle: the rounded ratio's digits, the point placed, trailing
    /// fraction zeros (and a bare point) dropped.
    @Test func ratioTextAgreesWithATextOracleOnEveryFraction() {
        for total in 1...97 {
            for covered in 0...total {
                let scaled = (covered * 10_000 * 2 + total) / (total * 2)
                var digits = String(scaled)
                digits = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
                var text = String(digits.dropLast(4)) + "." + String(digits.suffix(4))
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                let figures = CoverageFigures(key: nil, total: total, covered: covered, target: nil)
                #expect(figures.ratioText() == text, "\(covered)/\(total)")
            }
        }
    }

    @Test func emptyGroupHasNoRatio() {
        #expect(CoverageFigures(key: nil, total: 0, covered: 0, target: nil).ratioText() == nil)
    }
}
