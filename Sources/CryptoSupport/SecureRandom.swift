import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes` (token secrets, request ids).
package enum SecureRandom {
    package enum Failure: Error { case randomSourceUnavailable }

    /// `count` random bytes.
    /// - Throws: `Failure.randomSourceUnavailable` if OpenSSL cannot seed its generator (never expected on Linux).
    package static func bytes(_ count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else { throw .randomSourceUnavailable }
        return bytes
    }
}

/// Comparison whose time does not depend on where two byte strings first differ.
package enum ConstantTime {
    package static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
