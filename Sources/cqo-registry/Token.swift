import ArgumentParser
import RegistryAPI
import RegistryDomain
import RegistryStore

/// `cqo-registry token create|list|revoke …`: bootstrap and manage tokens from the command line.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API tokens.", subcommands: [Create.self, List.self, Revoke.self])

    /// Prints the new token's secret alone on one line of stdout; it is stored only as a SHA-256 hash.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print its secret (shown this once) alone on stdout.")

        @Option(help: "Who the token speaks for.") var role: TokenRole
        @Option(help: "Region prefix scope (admin, regulator, viewer; optional for trainer).") var region: String?
        @Option(help: "The enterprise's USCC (enterprise tokens).") var uscc: String?
        @Option(help: "A label for people.") var label: String = ""
        @Option(name: .customLong("expires-in"), help: "Days until the token expires.") var expiresIn: Int?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let expiresIn, expiresIn <= 0 { throw ValidationError("--expires-in is a positive number of days") }
        }

        func run() async throws {
            let registry = try database.open()
            let clock = RegistryClock.system
            let now = clock.epochMilliseconds()
            let expiresAt = expiresIn.map { RegistryClock.rfc3339(now + Int64($0) * 86_400_000) }
            let request = TokenIssuer.Request(
                role: role.rawValue, region: region, uscc: uscc, label: label, expiresAt: expiresAt)
            let timestamp = RegistryClock.rfc3339(now)
            let today = RegistryClock.chinaDate(now)
            do {
                let secret = try await registry.write { writer in
                    let (token, secret) = try TokenIssuer.issue(request, writer: writer, now: timestamp)
                    try writer.append(
                        try AuditEntry.commandLine(
                            "token.create", of: token, reader: writer, at: timestamp, today: today))
                    return secret
                }
                print(secret)
            } catch let failure as ValidationFailure {
                throw ValidationError(failure.violations.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
            }
            try registry.close()
        }
    }
}
