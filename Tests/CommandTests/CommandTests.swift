import Foundation
import Testing

@Suite struct CommandTests {
    @Test(arguments: [
        ["--help"], ["serve", "--help"], ["migrate", "--help"], ["token", "create", "--help"],
        ["token", "list", "--help"], ["token", "revoke", "--help"],
        ["audit", "verify", "--help"],
        ["import", "enterprises", "--help"], ["demo", "--help"],
    ])
    func everyCommandHasHelp(arguments: [String]) async throws {
        let result = try await CommandRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }

    @Test func tokenCreatePrintsTheSecretAloneAndStoresOnlyItsHash() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try await CommandRunner.run([
            "token", "create", "--role", "admin", "--region", "4420", "--db", scratch.database,
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let secret = String(lines.first ?? "")
        #expect(secret.hasPrefix("cqo_") && secret.count == 47)
        let file = try Data(contentsOf: URL(fileURLWithPath: scratch.database))
        #expect(file.range(of: Data(secret.utf8)) == nil, "the secret itself is never stored")
    }

    /// Operators list tokens (never their secrets) and revoke any of them, including a trainer token without a
    /// region, which no admin's region reaches; the revocation is audited and the chain stays whole.
    @Test func tokenListShowsNoSecretsAndRevokeReachesEveryToken() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let trainer = try await CommandRunner.run(["token", "create", "--role", "trainer", "--db", scratch.database])
        let secret = trainer.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await CommandRunner.run([
            "token", "create", "--role", "viewer", "--region", "4420", "--label", "大屏", "--db", scratch.database,
        ])
        let listed = try await CommandRunner.run(["token", "list", "--db", scratch.database])
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("1\ttrainer\t-\t") == true)
        #expect(lines.last?.hasSuffix("\t大屏") == true)
        #expect(!listed.stdout.contains(secret))
        let within = try await CommandRunner.run(["token", "list", "--region", "44", "--db", scratch.database])
        #expect(within.stdout.split(separator: "\n").count == 1)

        let revoked = try await CommandRunner.run(["token", "revoke", "1", "--db", scratch.database])
        #expect(revoked.status == 0)
        #expect(revoked.stdout.split(separator: "\t")[5] != "-", "\(revoked.stdout)")
        let unknown = try await CommandRunner.run(["token", "revoke", "99", "--db", scratch.database])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no token has id 99"))
        let verified = try await CommandRunner.run(["audit", "verify", "--db", scratch.database])
        #expect(verified.status == 0)
    }

    @Test func tokenCreateRefusesARoleWithoutItsScope() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try await CommandRunner.run(["token", "create", "--role", "regulator", "--db", scratch.database])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("region"))
    }

    @Test func auditVerifyPassesOnAWholeChainAndNamesTheFirstBrokenLink() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for role in ["admin", "regulator", "viewer"] {
            _ = try await CommandRunner.run([
                "token", "create", "--role", role, "--region", "4420", "--db", scratch.database,
            ])
        }
        let whole = try await CommandRunner.run(["audit", "verify", "--db", scratch.database])
        #expect(whole.status == 0)
        #expect(whole.stdout.contains("3 entries"))

        let tampered = try await CommandRunner.run(
            ["UPDATE audit_event SET action = 'token.forged' WHERE id = 2"], executable: "/usr/bin/sqlite3",
            leadingArguments: [scratch.database])
        #expect(tampered.status == 0)

        let broken = try await CommandRunner.run(["audit", "verify", "--db", scratch.database])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("entry 2"))
    }

    @Test func importReportsEveryBadLineAndWritesNothing() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let csv = """
            uscc,name,region_code,size_class,above_scale,industry_code,sector
            91442000MA4UJ6R97W,中山市华兴电器有限公司,442000100001,medium,true,C3857,product
            91442000MA4UJ6R97X,坏的代码,442000100001,small,false,C3857,product
            91442000MA4WXB1N1B,另一家,442000100001,huge,maybe,C3857,product

            """
        let file = scratch.path + "/roster.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let rejected = try await CommandRunner.run(["import", "enterprises", file, "--db", scratch.database])
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("line 3: uscc checksum"))
        #expect(rejected.stderr.contains("line 4: size_class"))
        #expect(rejected.stderr.contains("line 4: above_scale"))
        let skipped = try await CommandRunner.run([
            "import", "enterprises", file, "--skip-invalid", "--db", scratch.database,
        ])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("1 created"))
        let again = try await CommandRunner.run([
            "import", "enterprises", file, "--skip-invalid", "--db", scratch.database,
        ])
        #expect(again.stderr.contains("0 created, 1 updated"))
    }

    @Test func migrateCreatesTheDatabase() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try await CommandRunner.run(["migrate", "--db", scratch.database])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.database))
    }
}
