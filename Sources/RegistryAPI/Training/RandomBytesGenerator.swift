import CryptoSupport
import RegistryDomain

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
