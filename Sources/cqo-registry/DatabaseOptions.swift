import ArgumentParser
import RegistryStore

/// `--db PATH` (or `CQO_DB`), shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (env CQO_DB). Created and migrated if missing.")
    var db: String = Environment.value("CQO_DB") ?? "./cqo-registry.sqlite"

    /// Opens the database, migrating it.
    func open(configuration: SQLiteRegistry.Configuration = .init()) throws -> SQLiteRegistry {
        do { return try SQLiteRegistry(path: db, configuration: configuration) } catch {
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
