import ArgumentParser
import RegistryStore

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
