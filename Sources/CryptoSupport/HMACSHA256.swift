import COpenSSL

/// HMAC-SHA256 (RFC 2104, FIPS 198-1) through OpenSSL: the audit chain's keyed hash.
package enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    package static func code(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    _ = HMAC(
                        EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count), messageBuffer.baseAddress,
                        messageBuffer.count, out.baseAddress, &length)
                }
            }
        }
        return output
    }

    /// The code of `text`'s UTF-8 bytes under `key`, as 64 lower-case hex digits.
    package static func hex(key: [UInt8], _ text: String) -> String {
        Hex.encode(code(key: key, message: Array(text.utf8)))
    }
}
