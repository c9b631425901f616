import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

/// Every reader fails closed: a row holding a value the registry never writes makes the read throw
/// `StoreError.unreadable` (naming table, key and column, not the value), where it used to be skipped.
@Suite struct UnreadableRowTests {
    static let day = CivilDate(daysSinceEpoch: 20_269)  // 2025-06-30

    func seeded() async throws -> TemporaryDatabase {
        let database = try TemporaryDatabase.migrated()
        try await database.registry.write { writer in
            _ = try writer.upsert([.fixture(1, region: "442000100001"), .fixture(2, region: "442000100001")])
            try writer.append(
                ChangeEvent(
                    at: "2025-06-30T08:00:00.000Z", kind: "enterprise.updated", resource: "enterprise/1",
                    regionCode: RegionCode(stored: "442000100001"), payload: "{}"))
        }
        return database
    }

    @Test(arguments: [
        ("UPDATE enterprise SET size_class = 'huge' WHERE uscc = (SELECT max(uscc) FROM enterprise)", "size_class"),
        ("UPDATE enterprise SET region_code = '44x' WHERE uscc = (SELECT max(uscc) FROM enterprise)", "region_code"),
        (
            "UPDATE enterprise SET registered_on = 'last year' WHERE uscc = (SELECT max(uscc) FROM enterprise)",
            "registered_on"
        ),
    ])
    func anEnterpriseListWithAnUnreadableRowThrows(statement: String, column: String) async throws {
        let database = try await seeded()
        #expect(try database.registry.read { try $0.enterprises(EnterpriseQuery(day: Self.day)) }.count == 2)
        try await database.tamper(statement)
        #expect {
            _ = try database.registry.read { try $0.enterprises(EnterpriseQuery(day: Self.day)) }
        } throws: { error in
            guard case StoreError.unreadable(let what)? = error as? StoreError else { return false }
            return what.hasPrefix("enterprise ") && what.hasSuffix(": \(column)")
        }
    }

    @Test func aChangeEventWithAnUnreadableRegionThrowsRatherThanVanishFromTheFeed() async throws {
        let database = try await seeded()
        try await database.tamper("UPDATE change_event SET region_code = 'Guangdong'")
        #expect(throws: StoreError.unreadable("change_event 1: region_code")) {
            _ = try database.registry.read { try $0.changeEvents(after: nil, within: [], limit: 10) }
        }
    }

    @Test func aTokenWithAnUnreadableRoleOrScopeThrows() async throws {
        let database = try await seeded()
        let token = try await database.registry.write { writer in
            try writer.insert(
                AccessToken(
                    id: 0, secretHash: String(repeating: "b", count: 64), role: "regulator",
                    region: RegionCode(stored: "4420"), uscc: nil, label: "", createdAt: "2025-06-30T08:00:00Z",
                    expiresAt: nil, revokedAt: nil))
        }
        try await database.tamper("UPDATE access_token SET role = 'root'")
        #expect(throws: StoreError.unreadable("access_token \(token.id): role")) {
            _ = try database.registry.read { try $0.accessToken(id: token.id) }
        }
        try await database.tamper("UPDATE access_token SET role = 'viewer', region = NULL")
        #expect(throws: StoreError.unreadable("access_token \(token.id): scope")) {
            _ = try database.registry.read { try $0.accessTokens(within: nil, afterID: nil, limit: 10) }
        }
    }

    /// GRDB's own decoding error quotes the row's values; it reaches callers without them.
    @Test func aRowGRDBCannotDecodeIsUnreadableWithoutItsValues() throws {
        let database = try TemporaryDatabase.migrated()
        #expect(throws: StoreError.unreadable("a stored row does not decode")) {
            try StoreError.translating {
                try database.registry.pool.read { db in
                    try Row.fetchOne(db, sql: "SELECT NULL AS name, '13812345678' AS phone")?
                        .decode(String.self, forColumn: "name")
                }
            }
        }
    }
}
