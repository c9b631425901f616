import Foundation
import RegistryDomain
import RegistryStore

/// A migrated SQLite registry in its own fresh temporary directory, removed when the value goes away.
package final class TemporaryDatabase: Sendable {
    package let directory: String
    package let path: String
    package let registry: SQLiteRegistry

    /// The audit key file beside the database, as `serve` places it by default.
    package var auditKeyPath: String { path + ".audit-key" }

    /// Creates the directory and opens (migrating) `registry.sqlite` inside it, with an audit key beside it
    /// unless `configuration` names another (or does not migrate, so there is no table to record a key in yet).
    package init(configuration: SQLiteRegistry.Configuration = .init()) throws {
        directory = NSTemporaryDirectory() + "cqo-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/registry.sqlite"
        var configuration = configuration
        if configuration.migrate { configuration.auditKeyPath = configuration.auditKeyPath ?? path + ".audit-key" }
        registry = try SQLiteRegistry(path: path, configuration: configuration)
    }

    /// Opens the database again, with its audit key.
    package func reopened(configuration: SQLiteRegistry.Configuration = testConfiguration) throws -> SQLiteRegistry {
        var configuration = configuration
        configuration.auditKeyPath = configuration.auditKeyPath ?? auditKeyPath
        return try SQLiteRegistry(path: path, configuration: configuration)
    }

    /// Test databases skip the fsync of every commit (`synchronous = NORMAL` in WAL mode): hundreds of tests
    /// create one each, and durability across power loss is not what they test. `MigrationTests` checks that
    /// the production default is `FULL`.
    package static var testConfiguration: SQLiteRegistry.Configuration {
        var configuration = SQLiteRegistry.Configuration()
        configuration.synchronous = "NORMAL"
        return configuration
    }

    package static func migrated() throws -> TemporaryDatabase {
        try TemporaryDatabase(configuration: testConfiguration)
    }

    /// Creates and migrates the database on a Dispatch thread, so that the disk work of many tests starting at
    /// once never holds the cooperative pool that their servers' handlers run on.
    package static func migratedOffPool(configuration: SQLiteRegistry.Configuration = testConfiguration) async throws
        -> TemporaryDatabase
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try TemporaryDatabase(configuration: configuration) })
            }
        }
    }

    deinit {
        try? registry.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
