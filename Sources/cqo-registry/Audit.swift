import ArgumentParser
import RegistryStore

/// `cqo-registry audit verify --db PATH`: walks the audit log's hash chain.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Inspect the audit log.", subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exit 0 when the audit chain is whole; otherwise name the first broken link and exit 1.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let registry = try database.open()
            let (count, broken) = try registry.read { reader in
                (try reader.auditEntryCount(), try reader.firstAuditChainBreak())
            }
            try registry.close()
            if let broken {
                Log.stderr("audit chain broken at entry \(broken.entryID): \(broken.reason)")
                throw ExitCode(1)
            }
            print("audit chain intact: \(count) entries")
        }
    }
}
