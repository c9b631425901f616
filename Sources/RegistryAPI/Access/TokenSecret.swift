import CryptoSupport
import Foundation

/// Token secrets: 256 random bits from OpenSSL, shown once as `cqo_` + base64url, stored only as SHA-256.
enum TokenSecret {
    static func generate() throws -> String {
        let bytes = try SecureRandom.bytes(32)
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "cqo_" + base64
    }

    static func hash(_ secret: String) -> String { SHA256.hex(secret) }
}
