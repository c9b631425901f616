import Foundation
import RegistryDomain
import RegistryStore

/// A migrated SQLite registry in its own fresh temporary directory, removed when the value goes away.
package final class TemporaryDatabase: Sendable {
    package let directory: String
    package let path: String
    package let registry: SQLiteRegistry

    /// Creates the directory and opens (migrating) `registry.sqlite` inside it.
    package init(configuration: SQLiteRegistry.Configuration = .init()) throws {
        directory = NSTemporaryDirectory() + "cqo-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/registry.sqlite"
        registry = try SQLiteRegistry(path: path, configuration: configuration)
    }

    package static func migrated() throws -> TemporaryDatabase { try TemporaryDatabase() }

    deinit {
        try? registry.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
