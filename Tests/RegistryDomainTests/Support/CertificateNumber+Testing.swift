import RegistryDomain

extension CertificateNumber {
    /// A valid number for tests, the same for the same (year, sequence): its symbols come from a generator seeded
    /// with `sequence`, so different sequences give different numbers.
    init?(year: Int, sequence: Int, prefix: String = CertificateNumber.defaultPrefix) {
        var generator = SplitMix64(seed: UInt64(sequence))
        guard let number = CertificateNumber.random(year: year, prefix: prefix, using: &generator) else { return nil }
        self = number
    }
}
