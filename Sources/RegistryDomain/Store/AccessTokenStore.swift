/// An API token as stored: never its secret, only the secret's SHA-256.
public struct AccessToken: Sendable, Hashable {
    public var id: Int64
    public var secretHash: String
    /// `admin`, `regulator`, `enterprise`, `trainer` or `viewer`.
    public var role: String
    public var region: RegionCode?
    public var uscc: USCC?
    public var label: String
    /// RFC 3339 UTC instants.
    public var createdAt: String
    public var expiresAt: String?
    public var revokedAt: String?

    public init(
        id: Int64, secretHash: String, role: String, region: RegionCode?, uscc: USCC?, label: String,
        createdAt: String, expiresAt: String?, revokedAt: String?
    ) {
        self.id = id
        self.secretHash = secretHash
        self.role = role
        self.region = region
        self.uscc = uscc
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

public protocol AccessTokenReader {
    /// The token whose secret hashes to `secretHash`, revoked or not.
    func accessToken(secretHash: String) throws -> AccessToken?
    func accessToken(id: Int64) throws -> AccessToken?
    /// Tokens whose region lies within `regionPrefix` (all when nil), by id, after `afterID`.
    func accessTokens(within regionPrefix: RegionCode?, afterID: Int64?, limit: Int) throws -> [AccessToken]
}

public protocol AccessTokenWriter {
    /// Stores a new token (its `id` is ignored) and returns it with its id.
    func insert(_ token: AccessToken) throws -> AccessToken
    /// Marks the token revoked at `at`. - Throws: `StoreError.notFound`.
    func revokeAccessToken(id: Int64, at: String) throws
}
