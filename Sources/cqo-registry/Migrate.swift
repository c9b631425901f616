import ArgumentParser
import Foundation

/// `cqo-registry migrate --db PATH`: applies pending migrations and exits.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or migrate the database, then exit.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let registry = try database.open()
        try registry.close()
        Log.stderr("migrated \(database.db)")
    }
}

/// Messages for people go to standard error; standard output carries only what scripts read.
enum Log {
    static func stderr(_ message: String) {
        var standardError = StandardError()
        print(message, to: &standardError)
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
