import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL: migration checksums, token hashes, the audit chain, ETags.
package enum SHA256 {
    /// The 32-byte digest of `bytes`.
    package static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            output.withUnsafeMutableBufferPointer { out in
                _ = COpenSSL.SHA256(buffer.baseAddress, buffer.count, out.baseAddress)
            }
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in
                output.withUnsafeMutableBufferPointer { out in
                    _ = COpenSSL.SHA256(buffer.baseAddress, buffer.count, out.baseAddress)
                }
            }
        }
        return output
    }

    /// The digest of `text`'s UTF-8 bytes, as 64 lower-case hex digits.
    package static func hex(_ text: String) -> String { Hex.encode(digest(Array(text.utf8))) }

    /// The digest of `bytes`, as 64 lower-case hex digits.
    package static func hex(_ bytes: some Collection<UInt8>) -> String { Hex.encode(digest(bytes)) }
}

/// Lower-case hexadecimal text of bytes.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
