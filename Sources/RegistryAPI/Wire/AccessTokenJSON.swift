import HTTPServer
import RegistryDomain

/// The token resource on the wire. `secret` appears only in the answer that created it.
enum AccessTokenJSON {
    static func encode(_ token: AccessToken, secret: String? = nil) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("created_at", token.createdAt)
        json.key("expires_at")
        if let expiresAt = token.expiresAt { json.string(expiresAt) } else { json.null() }
        json.member("id", Int(token.id))
        json.member("label", token.label)
        json.key("region")
        if let region = token.region { json.string(region.value) } else { json.null() }
        json.key("revoked_at")
        if let revokedAt = token.revokedAt { json.string(revokedAt) } else { json.null() }
        json.member("role", token.role)
        if let secret { json.member("secret", secret) }
        json.key("uscc")
        if let uscc = token.uscc { json.string(uscc.value) } else { json.null() }
        json.endObject()
        return json.bytes
    }
}
