import Foundation
import GRDB
import RegistryDomain
import RegistryStore
import RegistryTesting
import Testing

/// `cqo-registry backup` and `restore`, run as processes against a database that is being written meanwhile.
@Suite struct BackupCommandTests {
    /// While enterprises are added one transaction at a time, a backup is exactly one committed state: every
    /// insert raises the data version by one, so a consistent copy holds exactly (version − start) new enterprises.
    @Test func aBackupTakenUnderWritesIsOneCommittedStateAndRestores() async throws {
        let scratch = try ScratchDirectory()
        let database = try TemporaryDatabase.migrated()
        let registry = database.registry
        let start = try registry.read { try $0.coverageDataVersion() }
        let writes = Task {
            for serial in 1...1_500 {
                let enterprise = Enterprise.fixture(serial, region: "442000100001")
                _ = try await registry.write { try $0.upsert([enterprise]) }
            }
        }
        // Backups taken while the writes go on.
        var backups: [String] = []
        for index in 0..<3 {
            let path = scratch.path + "/backup-\(index).sqlite"
            let result = try await CommandRunner.run(["backup", "--db", database.path, "--to", path])
            #expect(result.status == 0, "\(result.stderr)")
            backups.append(path)
        }
        try await writes.value
        var counts: [Int64] = []
        for path in backups {
            let copy = try DatabaseQueue(path: path)
            let (version, count, integrity) = try await copy.read { db in
                (
                    try Int64.fetchOne(db, sql: "SELECT version FROM coverage_version") ?? -1,
                    try Int64.fetchOne(db, sql: "SELECT count(*) FROM enterprise") ?? -1,
                    try String.fetchAll(db, sql: "PRAGMA integrity_check")
                )
            }
            #expect(integrity == ["ok"])
            #expect(count == version - start, "a backup holds one committed state")
            counts.append(count)
            try copy.close()
        }
        // The first backup starts at once, long before 1,500 synchronous commits are done: it was taken mid-load.
        #expect(counts.first.map { $0 < 1_500 } == true, "backups were taken while the writes went on: \(counts)")
        let again = try await CommandRunner.run(["backup", "--db", database.path, "--to", backups[0]])
        #expect(again.status != 0, "a backup never overwrites a file")

        let restored = scratch.path + "/restored.sqlite"
        let restore = try await CommandRunner.run(["restore", "--from", backups[2], "--db", restored])
        #expect(restore.status == 0, "\(restore.stderr)")
        let reopened = try SQLiteRegistry(path: restored)
        let enterprises = try reopened.read { reader in
            var query = EnterpriseQuery(day: CivilDate(year: 2025, month: 6, day: 30) ?? CivilDate(daysSinceEpoch: 0))
            query.limit = 2_000
            return try reader.enterprises(query)
        }
        #expect(!enterprises.isEmpty)
        try reopened.close()
    }

    @Test func aDamagedBackupIsNotRestored() async throws {
        let scratch = try ScratchDirectory()
        let damaged = scratch.path + "/damaged.sqlite"
        try Data(repeating: 0x42, count: 8_192).write(to: URL(fileURLWithPath: damaged))
        let target = scratch.path + "/target.sqlite"
        let result = try await CommandRunner.run(["restore", "--from", damaged, "--db", target])
        #expect(result.status != 0)
    }
}
