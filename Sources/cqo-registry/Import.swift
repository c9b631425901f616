import ArgumentParser
import Foundation
import RegistryAPI
import RegistryStore

/// `cqo-registry import enterprises FILE.csv --db PATH`: the roster import, from the command line.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import data.", subcommands: [Enterprises.self])

    struct Enterprises: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a roster CSV (UTF-8 or GB18030, header row), all-or-nothing unless --skip-invalid.")

        @Argument(help: "The roster CSV file.") var file: String
        @Flag(help: "Check the file and report, writing nothing.") var dryRun = false
        @Flag(help: "Write the valid lines and report the invalid ones.") var skipInvalid = false
        @Option(help: "The file's charset when it cannot be told from the bytes (utf-8 or gb18030).") var charset:
            String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            let registry = try database.open()
            do {
                // Audited as the HTTP import is: one entry for the whole file, in the import's transaction.
                let report = try await RosterImporter.run(
                    [UInt8](data), charset: charset, options: .init(dryRun: dryRun, skipInvalid: skipInvalid),
                    scope: nil, storage: registry, importer: .commandLine)
                Log.stderr(
                    "\(report.lines) lines: \(report.valid) valid, \(report.invalid) invalid; "
                        + "\(report.created) created, \(report.updated) updated\(dryRun ? " (dry run: nothing written)" : "")"
                )
                for problem in report.problems.kept.prefix(50) {
                    Log.stderr("line \(problem.line ?? 0): \(problem.field) \(problem.code): \(problem.message)")
                }
            } catch let rejected as RosterImporter.Rejected {
                for problem in rejected.report.problems.kept.prefix(50) {
                    Log.stderr("line \(problem.line ?? 0): \(problem.field) \(problem.code): \(problem.message)")
                }
                Log.stderr("\(rejected.report.invalid) invalid lines; nothing was written")
                throw ExitCode(1)
            }
            try registry.close()
        }
    }
}
