import ArgumentParser
import RegistryAPI
import RegistryDomain
import RegistryStore

extension Token {
    /// `cqo-registry token list`: every token (never a secret), for operators, including those no admin's region
    /// reaches (trainer tokens without a region).
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tokens, one per line: id, role, scope, created, expires, revoked, label (never secrets).")

        @Option(help: "Only tokens whose region lies within this prefix.") var region: String?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let registry = try database.open()
            let prefix = try region.map { try RegionCode($0) }
            var after: Int64?
            while true {
                let page = try registry.read { try $0.accessTokens(within: prefix, afterID: after, limit: 500) }
                for token in page { print(Self.line(token)) }
                guard page.count == 500, let last = page.last else { break }
                after = last.id
            }
            try registry.close()
        }

        static func line(_ token: AccessToken) -> String {
            let scope = token.uscc?.value ?? token.region?.value ?? "-"
            return [
                String(token.id), token.role, scope, token.createdAt, token.expiresAt ?? "-", token.revokedAt ?? "-",
                // A label is free text: tabs and line breaks would split the line for the scripts reading it.
                String(token.label.map { $0 == "\t" || $0.isNewline ? " " : $0 }),
            ].joined(separator: "\t")
        }
    }

    /// `cqo-registry token revoke ID`: revokes any token, audited as the command line's act.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token by id (a running server stops accepting it within its 2 s token cache).")

        @Argument(help: "The token's id (see `token list`).") var id: Int64
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let registry = try database.open()
            let id = self.id
            let milliseconds = RegistryClock.system.epochMilliseconds()
            let now = RegistryClock.rfc3339(milliseconds)
            let today = RegistryClock.chinaDate(milliseconds)
            let revoked = try await registry.write { writer -> AccessToken? in
                guard let token = try writer.accessToken(id: id) else { return nil }
                guard token.revokedAt == nil else { return token }
                try writer.revokeAccessToken(id: id, at: now)
                let revoked = try writer.accessToken(id: id) ?? token
                try writer.append(
                    try AuditEntry.commandLine(
                        "token.revoke", of: revoked, regionOf: token, reader: writer, at: now, today: today))
                return revoked
            }
            try registry.close()
            guard let revoked else { throw ValidationError("no token has id \(id)") }
            print(List.line(revoked))
        }
    }
}
