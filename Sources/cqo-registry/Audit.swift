import ArgumentParser
import RegistryDomain
import RegistryStore

/// `cqo-registry audit verify --db PATH [--audit-key PATH] [--expect-head HASH[:COUNT]]`: walks the audit log's
/// hash chain.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Inspect the audit log.", subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exit 0 when the audit chain is whole; otherwise name the first broken link and exit 1.",
            discussion: """
                Entries since migration 0011 are HMAC-SHA256 under the audit key, so the database alone cannot \\
                recompute the chain after a change. Removing entries from the end leaves a shorter whole chain: \\
                give the head recorded earlier (`/metrics` cqo_audit_head, or the server's log at start and stop) \\
                with --expect-head, and verification fails unless that entry is still in the chain.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(
            name: .customLong("expect-head"),
            help: "A head recorded earlier, HASH or HASH:COUNT: fail unless the chain still holds that entry.")
        var expectHead: String?

        func validate() throws {
            if let expectHead, ExpectedHead(expectHead) == nil {
                throw ValidationError("--expect-head is 64 lower-case hex digits, optionally followed by :COUNT")
            }
        }

        func run() throws {
            var configuration = SQLiteRegistry.Configuration()
            configuration.createsAuditKey = false
            let registry = try database.open(configuration: configuration)
            let (head, broken) = try registry.read { reader in
                (try reader.auditHead(), try reader.firstAuditChainBreak())
            }
            if let broken {
                try registry.close()
                Log.stderr("audit chain broken at entry \(broken.entryID): \(broken.reason)")
                throw ExitCode(1)
            }
            let count = head?.entryCount ?? 0
            if let expected = expectHead.flatMap(ExpectedHead.init) {
                let failure = try registry.read { try expected.failure(in: $0, entryCount: count) }
                if let failure {
                    try registry.close()
                    Log.stderr("audit chain does not hold the expected head: \(failure)")
                    throw ExitCode(1)
                }
            }
            try registry.close()
            print("audit chain intact: \(count) entries" + (head.map { ", head \($0.anchor)" } ?? ""))
        }
    }
}
