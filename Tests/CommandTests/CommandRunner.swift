import Foundation

/// Runs the built `cqo-registry` binary and captures what it printed.
struct CommandRunner {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside the test bundle (SwiftPM builds it because CommandTests depends on it).
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("cqo-registry") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs the binary on a Dispatch thread: a test waiting for a process must not hold one of the cooperative
    /// pool's few threads, which servers started by other tests in this process need.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: String? = nil,
        leadingArguments: [String] = []
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Swift.Result {
                        try runBlocking(leadingArguments + arguments, environment: environment, executable: executable)
                    })
            }
        }
    }

    static func runBlocking(_ arguments: [String], environment: [String: String], executable: String?) throws -> Result
    {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh directory for one test's database.
struct ScratchDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "cqo-command-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    var database: String { path + "/registry.sqlite" }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
