import ArgumentParser

/// `cqo-registry`: the enterprise chief quality officer (企业首席质量官) registry server and its tools.
@main
struct CQORegistry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cqo-registry",
        abstract: "The enterprise chief quality officer (企业首席质量官) registry: server and tools.",
        subcommands: [
            Serve.self, Migrate.self, Token.self, Audit.self, Import.self, Demo.self, Backup.self, Restore.self,
        ])
}
