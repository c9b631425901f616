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

/// A generator over bytes drawn beforehand, so that drawing cannot fail midway (`RandomNumberGenerator.next()`
/// cannot throw). 256 bytes give 32 draws, far more than a number's nine symbols need.
struct RandomBytesGenerator: RandomNumberGenerator {
    private let bytes: [UInt8]
    private var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<8 {
            value = value << 8 | UInt64(bytes.isEmpty ? 0 : bytes[offset % bytes.count])
            offset += 1
        }
        return value
    }
}
