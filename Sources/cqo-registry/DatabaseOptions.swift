import ArgumentParser
import RegistryStore

/// `--db PATH` (or `CQO_DB`) and `--audit-key PATH` (or `CQO_AUDIT_KEY`), shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (env CQO_DB). Created and migrated if missing.")
    var db: String = Environment.value("CQO_DB") ?? "./cqo-registry.sqlite"

    @Option(
        name: .customLong("audit-key"),
        help: """
            The audit chain's HMAC key file, kept apart from the database (env CQO_AUDIT_KEY; default: the \
            database's path + .audit-key). Created with mode 0600 on the first start.
            """)
    var auditKeyFlag: String?

    /// The audit key file: the flag, else `CQO_AUDIT_KEY`, else beside the database.
    var auditKey: String { auditKeyFlag ?? Environment.value("CQO_AUDIT_KEY") ?? db + ".audit-key" }

    /// Opens the database, migrating it, with the audit key (created when the chain was never keyed, unless
    /// `configuration` says otherwise).
    func open(configuration: SQLiteRegistry.Configuration = .init()) throws -> SQLiteRegistry {
        var configuration = configuration
        configuration.auditKeyPath = configuration.auditKeyPath ?? auditKey
        do { return try SQLiteRegistry(path: db, configuration: configuration) } catch let error as AuditKeyError {
            throw ValidationError("\(error)")
        } catch {
            throw ValidationError("cannot open the database at \(db): \(error)")
        }
    }
}

/// Reads `CQO_…` environment variables: every flag has one.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    static func integer(_ name: String) -> Int? { value(name).flatMap(Int.init) }
}

#if canImport(Glibc)
    import Glibc
#endif
