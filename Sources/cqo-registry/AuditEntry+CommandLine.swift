import RegistryAPI
import RegistryDomain

extension AuditEntry {
    /// The entry a command (`token create`, `token revoke`) appends for a change to `token`: actor `cli`, the
    /// token as the API shows it digested (never its secret's hash), in the region of `regionOf` (default `token`).
    static func commandLine(
        _ action: String, of token: AccessToken, regionOf scoped: AccessToken? = nil, reader: any RegistryReader,
        at: String, today: CivilDate
    ) throws -> AuditEntry {
        AuditEntry(
            at: at, actorToken: nil, actorRole: "cli", action: action, resource: "token/\(token.id)", requestID: "cli",
            digest: TokenIssuer.auditDigest(of: token),
            regionCode: try TokenIssuer.regionCode(of: scoped ?? token, reader: reader, today: today))
    }
}
