import RegistryDomain

extension CertificateNumber {
    /// A valid number for store and API tests, the same for the same (year, sequence): its symbols come from a
    /// generator seeded with `sequence`, so different sequences give different numbers.
    package static func fixture(year: Int = 2025, sequence: Int) -> CertificateNumber {
        var generator = SeededSymbols(state: UInt64(truncatingIfNeeded: sequence))
        guard let number = CertificateNumber.random(year: year, using: &generator) else {
            preconditionFailure("fixture certificate year \(year) is invalid")
        }
        return number
    }

    /// SplitMix64, so that a fixture number never depends on the system's random source.
    private struct SeededSymbols: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
