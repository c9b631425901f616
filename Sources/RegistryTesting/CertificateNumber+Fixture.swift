import RegistryDomain

extension CertificateNumber {
    /// A valid number for store and API tests, the same for the same (year, sequence): its symbols come from a
    /// generator seeded with `sequence`, so different sequences give different numbers.
    package static func fixture(year: Int = 2025, sequence: Int) -> CertificateNumber {
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: sequence))
        guard let number = CertificateNumber.random(year: year, using: &generator) else {
            preconditionFailure("fixture certificate year \(year) is invalid")
        }
        return number
    }
}
