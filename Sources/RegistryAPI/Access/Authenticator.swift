import CryptoSupport
import HTTPServer
import RegistryDomain
import Synchronization

/// Turns `Authorization: Bearer <secret>` into a `Caller`.
///
/// The secret is hashed (SHA-256) and looked up by hash, so lookup time does not depend on the secret; the
/// stored hash is then compared in constant time. Recently seen tokens are cached for `cacheSeconds`; revoking
/// through this server evicts at once, and expiry is checked on every request. A token that cannot be read (the
/// database busy, or its row unreadable) is `.failed`, never taken for a missing token or read with a wider scope.
final class Authenticator: Sendable {
    private let storage: any RegistryStorage
    private let clock: RegistryClock
    private let cacheSeconds: Double
    private let cache = Mutex<[String: (token: AccessToken, fetched: Double)]>([:])

    init(storage: any RegistryStorage, clock: RegistryClock, cacheSeconds: Double = 2) {
        self.storage = storage
        self.clock = clock
        self.cacheSeconds = cacheSeconds
    }

    enum Outcome {
        case none
        case invalid(String)
        case caller(Caller)
        /// The token could not be looked up: `StoreError.busy` (503) or an unreadable row (500).
        case failed(any Error)
    }

    func authenticate(_ request: HTTPRequest) -> Outcome {
        guard let header = request.headers["Authorization"] else { return .none }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .invalid("use the Bearer scheme")
        }
        let secret = parts[1].trimmingSpaces()
        guard (16...256).contains(secret.utf8.count) else { return .invalid("the token is not valid") }
        let hash = SHA256.hex(secret)
        let found: AccessToken?
        do { found = try lookUp(hash) } catch { return .failed(error) }
        guard let token = found, ConstantTime.equals(Array(token.secretHash.utf8), Array(hash.utf8)) else {
            return .invalid("the token is not valid")
        }
        if token.revokedAt != nil { return .invalid("the token was revoked") }
        if let expiresAt = token.expiresAt, expiresAt <= clock.timestamp { return .invalid("the token has expired") }
        guard let role = AccessRole(rawValue: token.role) else { return .invalid("the token is not valid") }
        return .caller(Caller(tokenID: token.id, role: role, region: token.region, uscc: token.uscc))
    }

    /// Drops a token from the cache, e.g. after it was revoked.
    func forget(tokenID: Int64) {
        cache.withLock { table in table = table.filter { $0.value.token.id != tokenID } }
    }

    private func lookUp(_ hash: String) throws -> AccessToken? {
        let now = RateLimiter.monotonicSeconds()
        if let hit = cache.withLock({ $0[hash] }), now - hit.fetched < cacheSeconds { return hit.token }
        guard let token = try storage.readOneStatement({ try $0.accessToken(secretHash: hash) }) else { return nil }
        cache.withLock { table in
            if table.count > 10_000 { table.removeAll() }
            table[hash] = (token, now)
        }
        return token
    }
}
