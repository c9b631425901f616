import ArgumentParser

@main
struct CQORegistry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cqo-registry",
        abstract: "The enterprise chief quality officer (企业首席质量官) registry server.")
}
