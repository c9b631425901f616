import Foundation
import GRDB
import RegistryDomain
import RegistryTesting
import Testing

@testable import RegistryStore

/// Direct reports, recognitions and region names on a real SQLite file.
@Suite struct DirectReportStoreTests {
    static let filedAt = Instant(utc: CivilDate(year: 2025, month: 6, day: 30) ?? CivilDate(daysSinceEpoch: 0), hour: 1)

    static func report(_ enterprise: Enterprise, _ severity: DirectReportSeverity = .high) -> DirectReport {
        DirectReport(
            id: 0, uscc: enterprise.uscc, subject: "原料异常", body: "一批次不合格", severity: severity, filedAt: filedAt)
    }

    @Test func aReportKeepsItsStepsAttachmentAndEnterprisesRegion() async throws {
        let database = try TemporaryDatabase.migrated()
        let enterprise = Enterprise.fixture(1, region: "442000100001")
        let content = Array("%PDF-1.7\n%%EOF\n".utf8)
        let attachment = DirectReportAttachment(
            format: .pdf, size: content.count, sha256: String(repeating: "a", count: 64))
        let later = Self.filedAt.adding(milliseconds: 60_000)
        let record = try await database.registry.write { writer in
            _ = try writer.upsert([enterprise])
            let filed = try writer.insert(
                Self.report(enterprise), filedBy: "token:1 (enterprise)", attachment: (attachment, content))
            let (next, step) = try filed.applying(.acknowledge, at: later, by: "token:2 (regulator)", note: "已受理")
            try writer.save(next, transition: step)
            return try writer.directReport(id: filed.id)
        }
        let stored = try #require(record)
        #expect(stored.report.status == .acknowledged)
        #expect(stored.report.acknowledgedAt == later)
        #expect(stored.regionCode.value == "442000100001")
        #expect(stored.attachment == attachment)
        #expect(stored.revision == 2)
        #expect(stored.history.map(\.to) == [.open, .acknowledged])
        #expect(stored.history.last?.note == "已受理")
        let file = try database.registry.read { try $0.directReportAttachment(reportID: stored.report.id) }
        #expect(file?.content == content)
    }

    @Test func listsFilterByRegionStatusSeverityAndInstantFiled() async throws {
        let database = try TemporaryDatabase.migrated()
        let a = Enterprise.fixture(1, region: "442000100001")
        let b = Enterprise.fixture(2, region: "440300100001")
        try await database.registry.write { writer in
            _ = try writer.upsert([a, b])
            _ = try writer.insert(Self.report(a, .low), filedBy: "t", attachment: nil)
            _ = try writer.insert(Self.report(a, .critical), filedBy: "t", attachment: nil)
            _ = try writer.insert(Self.report(b, .critical), filedBy: "t", attachment: nil)
        }
        func ids(_ change: (inout DirectReportQuery) throws -> Void) throws -> [Int64] {
            var query = DirectReportQuery()
            try change(&query)
            return try database.registry.read { try $0.directReports(query) }.map(\.report.id)
        }
        #expect(try ids { $0.regionPrefixes = [try RegionCode("4420")] } == [1, 2])
        #expect(try ids { $0.severity = .critical } == [2, 3])
        #expect(try ids { $0.uscc = b.uscc } == [3])
        #expect(try ids { $0.status = .closed } == [])
        #expect(try ids { $0.filedFrom = Self.filedAt.adding(milliseconds: 1) } == [])
        #expect(try ids { $0.filedBefore = Self.filedAt.adding(milliseconds: 1) } == [1, 2, 3])
        #expect(
            try ids {
                $0.afterID = 1; $0.limit = 1
            } == [2])
    }

    @Test func aRowTheDomainCannotReadFailsLoudly() async throws {
        let database = try TemporaryDatabase.migrated()
        let a = Enterprise.fixture(1)
        try await database.registry.write { writer in
            _ = try writer.upsert([a])
            _ = try writer.insert(Self.report(a), filedBy: "t", attachment: nil)
        }
        // A filed_at of the right width that is not an instant: the CHECK lets it through, decoding must not.
        try await database.registry.pool.write {
            try $0.execute(sql: "UPDATE direct_report SET filed_at = 'xxxxxxxxxxxxxxxxxxxxxxxx'")
        }
        // The store's StoredRowError leaves it as StoreError.unreadable, which the API answers with a bare 500.
        #expect(throws: StoreError.unreadable("direct_report 1: filed_at")) {
            try database.registry.read { try $0.directReports(DirectReportQuery()) }
        }
        #expect(throws: StoreError.unreadable("direct_report 1: filed_at")) {
            try database.registry.read { try $0.directReport(id: 1) }
        }
    }

    @Test func recognitionsAreStoredChangedAndRemoved() async throws {
        let database = try TemporaryDatabase.migrated()
        let a = Enterprise.fixture(1)
        let recognition = Recognition(
            id: 0, uscc: a.uscc, kind: .demonstrationBase, level: .provincial, year: 2024, title: "示范基地")
        let stored = try await database.registry.write { writer -> Recognition in
            _ = try writer.upsert([a])
            let stored = try writer.insert(recognition, actor: "t", at: "2025-06-30T00:00:00.000Z")
            var changed = stored
            changed.level = .national
            try writer.update(changed)
            return stored
        }
        let read = try #require(try database.registry.read { try $0.recognition(id: stored.id) })
        #expect(read.recognition.level == .national)
        #expect(read.revision == 2)
        var query = RecognitionQuery()
        query.kind = .exemplaryCase
        #expect(try database.registry.read { try $0.recognitions(query) }.isEmpty)
        query.kind = .demonstrationBase
        query.year = 2024
        #expect(try database.registry.read { try $0.recognitions(query) }.count == 1)
        try await database.registry.write { try $0.deleteRecognition(id: stored.id) }
        await #expect(throws: StoreError.notFound) {
            try await database.registry.write { try $0.deleteRecognition(id: stored.id) }
        }
    }

    @Test func seededNamesMatchTheDemoCitysTownCodesAndRenamesRaiseTheVersion() async throws {
        let database = try TemporaryDatabase.migrated()
        let names = try database.registry.read {
            try $0.regionNames(of: ["44", "4420", "442000001", "442000100", "442000117", "442000999"])
        }
        #expect(
            names == [
                "44": "广东省", "4420": "中山市", "442000001": "石岐街道", "442000100": "小榄镇", "442000117": "神湾镇",
            ])
        let cities = try database.registry.read { try $0.regions(parent: try RegionCode("44"), after: nil, limit: 500) }
        #expect(cities.count == 21)
        let before = try database.registry.read { try $0.regionNamesVersion() }
        let ancestor = try database.registry.read { try $0.nearestNamedAncestor(of: try RegionCode("442000118001")) }
        #expect(ancestor?.value == "4420")
        let created = try await database.registry.write { writer in
            try writer.save(
                Region(code: try RegionCode("442000100"), name: "小榄镇（新）", parentCode: try RegionCode("4420")),
                at: "2025-06-30T00:00:00.000Z")
        }
        #expect(created == false)
        #expect(try database.registry.read { try $0.regionNamesVersion() } == before + 1)
        #expect(try database.registry.read { try $0.region(code: try RegionCode("442000100")) }?.revision == 2)
    }
}
