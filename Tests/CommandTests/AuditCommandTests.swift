import Foundation
import Testing

/// `audit verify` with the keyed chain: the key file, and the head an operator recorded.
@Suite struct AuditCommandTests {
    /// Writes `count` audit entries (one per token) and returns the verified head, `HASH:COUNT`.
    func seeded(_ scratch: ScratchDirectory, count: Int, keyArguments: [String] = []) async throws -> String {
        for _ in 0..<count {
            let created = try await CommandRunner.run(
                ["token", "create", "--role", "viewer", "--region", "4420", "--db", scratch.database] + keyArguments)
            #expect(created.status == 0, "\(created.stderr)")
        }
        let verified = try await CommandRunner.run(["audit", "verify", "--db", scratch.database] + keyArguments)
        #expect(verified.status == 0, "\(verified.stderr)")
        return String(verified.stdout.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sqlite(_ scratch: ScratchDirectory, _ statement: String) async throws {
        let result = try await CommandRunner.run(
            [statement], executable: "/usr/bin/sqlite3", leadingArguments: [scratch.database])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Deleting the last entries leaves a whole, shorter chain; only the recorded head shows the cut.
    @Test func entriesRemovedFromTheEndFailVerificationAgainstTheRecordedHead() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let head = try await seeded(scratch, count: 4)
        let hash = String(head.prefix(64))
        #expect(head.hasSuffix(":4"))
        let anchored = try await CommandRunner.run(["audit", "verify", "--db", scratch.database, "--expect-head", head])
        #expect(anchored.status == 0, "\(anchored.stderr)")

        try await sqlite(scratch, "DELETE FROM audit_event WHERE id > 2")
        let unanchored = try await CommandRunner.run(["audit", "verify", "--db", scratch.database])
        #expect(unanchored.status == 0, "a cut chain is whole: this is why the head is recorded")
        for expected in [head, hash] {
            let cut = try await CommandRunner.run(
                ["audit", "verify", "--db", scratch.database, "--expect-head", expected])
            #expect(cut.status == 1)
            #expect(cut.stderr.contains("cut back"), "\(cut.stderr)")
        }
        let malformed = try await CommandRunner.run(
            ["audit", "verify", "--db", scratch.database, "--expect-head", "abc:4"])
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("--expect-head"))
    }

    /// A head recorded earlier still verifies once the chain has grown past it.
    @Test func aChainThatGrewPastTheRecordedHeadVerifies() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let head = try await seeded(scratch, count: 2)
        _ = try await seeded(scratch, count: 1)
        let grown = try await CommandRunner.run(["audit", "verify", "--db", scratch.database, "--expect-head", head])
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(grown.stdout.contains("3 entries"))
    }

    @Test func theFirstCommandCreatesTheKeyBesideTheDatabaseWithMode0600() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        _ = try await seeded(scratch, count: 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.database + ".audit-key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
    }

    @Test func aMissingOrWrongKeyFailsVerificationClearly() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let keyPath = scratch.path + "/elsewhere.key"
        _ = try await seeded(scratch, count: 2, keyArguments: ["--audit-key", keyPath])
        #expect(!FileManager.default.fileExists(atPath: scratch.database + ".audit-key"))

        let missing = try await CommandRunner.run(["audit", "verify", "--db", scratch.database])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no audit key at \(scratch.database).audit-key"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.database + ".audit-key"), "verify creates no key")

        let wrongPath = scratch.path + "/wrong.key"
        try Data(repeating: 1, count: 32).write(to: URL(fileURLWithPath: wrongPath))
        let wrong = try await CommandRunner.run(
            ["audit", "verify", "--db", scratch.database], environment: ["CQO_AUDIT_KEY": wrongPath])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("is not the key this audit log was written with"), "\(wrong.stderr)")

        let writing = try await CommandRunner.run(
            ["token", "create", "--role", "viewer", "--region", "4420", "--db", scratch.database])
        #expect(writing.status != 0, "a command that writes the log refuses to start without its key")
        #expect(writing.stdout.isEmpty)
    }

    /// The command-line import is audited as the HTTP one: one entry for the file, its SHA-256 as the digest;
    /// a dry run writes nothing, and no entry.
    @Test func theCommandLineImportIsAudited() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.path + "/roster.csv"
        try """
        uscc,name,region_code,size_class,above_scale,industry_code,sector
        91442000MA4UJ6R97W,中山市华兴电器有限公司,442000100001,medium,true,C3857,product

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let dry = try await CommandRunner.run(["import", "enterprises", file, "--dry-run", "--db", scratch.database])
        #expect(dry.status == 0, "\(dry.stderr)")
        let imported = try await CommandRunner.run(["import", "enterprises", file, "--db", scratch.database])
        #expect(imported.status == 0, "\(imported.stderr)")
        let entries = try await CommandRunner.run(
            ["SELECT action || ' ' || actor_role || ' ' || resource || ' ' || digest FROM audit_event"],
            executable: "/usr/bin/sqlite3", leadingArguments: [scratch.database])
        let sum = try await CommandRunner.run([file], executable: "/usr/bin/sha256sum")
        let digest = String(sum.stdout.prefix(64))
        #expect(entries.stdout == "enterprise.import cli enterprise/ \(digest)\n")
        let verified = try await CommandRunner.run(["audit", "verify", "--db", scratch.database])
        #expect(verified.stdout.contains("1 entries"), "\(verified.stdout)")
    }

    /// The secret's hash is what authentication looks a token up by; the audit log, which admins read, records a
    /// digest of the token as the API shows it instead, for creation and revocation alike.
    @Test func tokenCommandsNeverPutTheSecretsHashInTheAuditLog() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let created = try await CommandRunner.run([
            "token", "create", "--role", "viewer", "--region", "4420", "--db", scratch.database,
        ])
        #expect(created.status == 0)
        #expect(try await CommandRunner.run(["token", "revoke", "1", "--db", scratch.database]).status == 0)
        let leaked = try await CommandRunner.run(
            [
                """
                SELECT count(*) || ' ' || (SELECT count(*) FROM audit_event) FROM audit_event a
                JOIN access_token t ON a.digest = t.secret_hash
                """
            ], executable: "/usr/bin/sqlite3", leadingArguments: [scratch.database])
        #expect(leaked.stdout == "0 2\n")
    }

    /// `serve` creates the key (mode 0600) on its first start and logs the audit head at start and on a graceful
    /// stop, for operators to record.
    @Test func serveCreatesTheKeyAndLogsTheHeadAtStartAndStop() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let log = try await Self.serveUntilListeningThenStop(scratch.database)
        #expect(log.contains("anchor=empty at=start entries=0"), "\(log)")
        #expect(log.contains("at=stop"), "\(log)")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.database + ".audit-key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// Starts `serve` on a free port, waits for its "listening" line, sends SIGTERM and returns stderr once it exits.
    static func serveUntilListeningThenStop(_ database: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = CommandRunner.binary
                        process.arguments = ["serve", "--port", "0", "--db", database]
                        let err = Pipe()
                        process.standardError = err
                        process.standardOutput = FileHandle.nullDevice
                        try process.run()
                        var text = ""
                        while !text.contains("[cqo_registry] listening") {
                            let chunk = err.fileHandleForReading.availableData
                            if chunk.isEmpty { break }
                            text += String(decoding: chunk, as: UTF8.self)
                        }
                        process.terminate()
                        text += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                        process.waitUntilExit()
                        return text
                    })
            }
        }
    }
}
