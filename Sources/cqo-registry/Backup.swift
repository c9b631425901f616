import ArgumentParser
import RegistryStore

/// `cqo-registry backup --db PATH --to FILE`: a consistent copy of the database while the server runs.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Copy the database to a new file, consistently, while the server runs (SQLite online backup); the copy is checked before it gets its name."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup file to create (never overwritten).") var to: String

    func run() throws {
        let summary = try RegistryBackup.backup(from: database.db, to: to)
        Log.stderr(
            "backed up \(database.db) to \(to): \(summary.bytes) bytes, \(summary.migrations) migrations, "
                + "data version \(summary.dataVersion), integrity ok")
    }
}
