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

/// `cqo-registry restore --from FILE --db PATH`: replaces the database with a checked backup.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Replace the database with a backup, after checking its integrity and migrations. Stop the server first.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup file to restore from.") var from: String

    func run() throws {
        let summary = try RegistryBackup.restore(from: from, to: database.db)
        Log.stderr(
            "restored \(database.db) from \(from): \(summary.bytes) bytes, data version \(summary.dataVersion)")
    }
}
