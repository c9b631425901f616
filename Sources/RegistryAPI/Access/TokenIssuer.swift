import CryptoSupport
import RegistryDomain

/// Issues tokens: for `POST /v1/tokens` and for `cqo-registry token create` alike.
package enum TokenIssuer {
    /// A token to issue, from a request or the command line.
    package struct Request: Sendable {
        package var role: String
        package var region: String?
        package var uscc: String?
        package var label: String
        package var expiresAt: String?
        package init(
            role: String, region: String? = nil, uscc: String? = nil, label: String = "", expiresAt: String? = nil
        ) {
            self.role = role
            self.region = region
            self.uscc = uscc
            self.label = label
            self.expiresAt = expiresAt
        }
    }

    /// Validates the request's shape: a role, and the scope that role needs.
    static func validated(_ request: Request) throws(ValidationFailure) -> (AccessRole, RegionCode?, USCC?) {
        var problems = ViolationCollector()
        let role = AccessRole(rawValue: request.role)
        if role == nil {
            problems.add(
                "role", "enum", "role is one of: \(AccessRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let region = request.region.flatMap { text in
            problems.check { () throws(ValidationFailure) in try RegionCode(text, field: "region") }
        }
        let uscc = request.uscc.flatMap { text in problems.check { () throws(ValidationFailure) in try USCC(text) } }
        if request.label.count > 100 { problems.add("label", "length", "label has at most 100 characters") }
        if let expiresAt = request.expiresAt, storedInstant(expiresAt) == nil {
            problems.add("expires_at", "format", "expires_at is an RFC 3339 UTC instant, e.g. 2026-12-31T00:00:00Z")
        }
        switch role {
        case .enterprise?:
            if request.uscc == nil {
                problems.add("uscc", "required", "an enterprise token names its enterprise's uscc")
            }
            if request.region != nil {
                problems.add("region", "not_allowed", "an enterprise token is scoped by uscc only")
            }
        case .admin?, .regulator?, .viewer?:
            if request.region == nil { problems.add("region", "required", "this role is scoped to a region prefix") }
            if request.uscc != nil { problems.add("uscc", "not_allowed", "only enterprise tokens name a uscc") }
        case .trainer?:
            if request.uscc != nil { problems.add("uscc", "not_allowed", "only enterprise tokens name a uscc") }
        case nil: break
        }
        try problems.throwIfAny()
        guard let role else { throw ValidationFailure(field: "role", code: "required", message: "role is required") }
        return (role, region, uscc)
    }

    /// Stores a new token and returns it with its secret (shown this once).
    package static func issue(_ request: Request, writer: any RegistryWriter, now: String) throws -> (
        AccessToken, String
    ) {
        let (role, region, uscc) = try validated(request)
        let secret = try TokenSecret.generate()
        let token = try writer.insert(
            AccessToken(
                id: 0, secretHash: TokenSecret.hash(secret), role: role.rawValue, region: region, uscc: uscc,
                label: request.label, createdAt: now, expiresAt: request.expiresAt.flatMap(storedInstant),
                revokedAt: nil))
        return (token, secret)
    }

    /// The region a token reaches, which its audit entries concern: its region prefix, or for an enterprise token
    /// its enterprise's region (nil when that enterprise is not on the roster), or nil for a trainer without one.
    package static func regionCode(of token: AccessToken, reader: any RegistryReader, today: CivilDate) throws
        -> RegionCode?
    {
        if let uscc = token.uscc { return try reader.enterprise(uscc, on: today)?.enterprise.regionCode }
        return token.region
    }

    /// An RFC 3339 instant (the domain's `Instant` parses it) as the fixed-width UTC text the store compares
    /// (`YYYY-MM-DDTHH:MM:SS.sssZ`), or nil when the text is not an instant.
    static func storedInstant(_ text: String) -> String? {
        Instant(rfc3339: text).map { RegistryClock.rfc3339($0.millisecondsSinceEpoch) }
    }

    /// The digest an audit entry about `token` records: SHA-256 of the token as the API shows it (never its secret
    /// nor the secret's hash, which is what authentication looks tokens up by), as `POST /v1/tokens` and
    /// `DELETE /v1/tokens/{id}` record it.
    package static func auditDigest(of token: AccessToken) -> String {
        SHA256.hex(AccessTokenJSON.encode(token))
    }
}
