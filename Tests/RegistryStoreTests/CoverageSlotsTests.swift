import RegistryDomain
import Testing

@testable import RegistryStore

@Suite struct CoverageSlotsTests {
    /// Distinct texts never share a slot: lengths 1–18 with common prefixes and zero-like tails, and texts that do
    /// not pack (too long, non-ASCII, NUL) through the fallback.
    @Test func distinctTextsKeepDistinctSlots() {
        var texts: [String] = []
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var generator = SplitMix64(seed: 7)
        for length in 1...18 {
            for _ in 0..<200 {
                texts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
            }
        }
        texts += [
            "0", "00", "000000000", "0000000000", "000000000000000000", "91440300MA5FXXXXX1", "91440300MA5FXXXXX",
        ]
        texts += ["91440300MA5FXXXXX10", "9144030０MA5FXXXXX1", "A\u{0}", "A", "统一社会信用代码"]
        let unique = Array(Set(texts))
        var slots = CoverageSlots()
        for (slot, text) in unique.enumerated() { slots[text] = slot }
        #expect(slots.count == unique.count)
        for (slot, text) in unique.enumerated() { #expect(slots[text] == slot, "\(text)") }
        #expect(slots["ZZZZ"] == nil)
        #expect(CoverageSlots.PackedKey("91440300MA5FXXXXX10") == nil)
        #expect(CoverageSlots.PackedKey("") == nil)
    }

    @Test func removingASlotForgetsOnlyThatText() {
        var slots = CoverageSlots()
        slots["91440300MA5FXXXXX1"] = 0
        slots["91440300MA5FXXXXX2"] = 1
        slots["91440300MA5FXXXXX1"] = nil
        #expect(slots["91440300MA5FXXXXX1"] == nil)
        #expect(slots["91440300MA5FXXXXX2"] == 1)
    }
}
