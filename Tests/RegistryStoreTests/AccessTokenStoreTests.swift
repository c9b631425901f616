import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

@Suite struct AccessTokenStoreTests {
    @Test func tokensAreFoundByHashAndRevokedOnce() async throws {
        let database = try TemporaryDatabase.migrated()
        let hash = String(repeating: "b", count: 64)
        let stored = try await database.registry.write {
            try $0.insert(
                AccessToken(
                    id: 0, secretHash: hash, role: "regulator", region: try RegionCode("4420"), uscc: nil, label: "zs",
                    createdAt: "2025-01-01T00:00:00.000Z", expiresAt: nil, revokedAt: nil))
        }
        #expect(stored.id == 1)
        #expect(try database.registry.read { try $0.accessToken(secretHash: hash) } == stored)
        try await database.registry.write { try $0.revokeAccessToken(id: 1, at: "2025-02-01T00:00:00.000Z") }
        try await database.registry.write { try $0.revokeAccessToken(id: 1, at: "2025-03-01T00:00:00.000Z") }
        #expect(try database.registry.read { try $0.accessToken(id: 1) }?.revokedAt == "2025-02-01T00:00:00.000Z")
        await #expect(throws: StoreError.notFound) {
            try await database.registry.write { try $0.revokeAccessToken(id: 99, at: "2025-02-01T00:00:00.000Z") }
        }
    }

    @Test func theDatabaseRefusesAnEnterpriseTokenWithoutUSCC() async throws {
        let database = try TemporaryDatabase.migrated()
        await #expect(throws: StoreError.self) {
            _ = try await database.registry.write {
                try $0.insert(
                    AccessToken(
                        id: 0, secretHash: String(repeating: "c", count: 64), role: "enterprise", region: nil,
                        uscc: nil,
                        label: "", createdAt: "2025-01-01T00:00:00.000Z", expiresAt: nil, revokedAt: nil))
            }
        }
    }
}
