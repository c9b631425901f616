import CryptoSupport
import RegistryDomain

/// Draws certificate numbers from OpenSSL's secure random bytes, so that no number can be guessed from another.
enum CertificateNumberSource {
    /// A new number for a certificate issued in `year`.
    static func next(year: Int) throws -> CertificateNumber {
        var generator = RandomBytesGenerator(bytes: try SecureRandom.bytes(256))
        guard let number = CertificateNumber.random(year: year, using: &generator) else {
            throw StoreError.constraint("no certificate number can be made for year \(year)")
        }
        return number
    }
}
