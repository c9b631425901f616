import Foundation
import RegistryTesting
import Testing

/// `serve --log-format json`: every line of the log is one JSON object with `at`, `level` and `message`.
@Suite struct LogFormatTests {
    @Test func jsonLogsAreOneObjectALine() async throws {
        let scratch = try ScratchDirectory()
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = [
            "serve", "--port", "0", "--db", scratch.path + "/registry.sqlite", "--log-format", "json",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.standardError
        try process.run()
        // Read the log until the server names its port, make one request, stop it, and read the rest.
        let reader = err.fileHandleForReading
        let (port, head) = try await Self.onThread { () -> (Int?, Data) in
            var buffer = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return (nil, buffer) }
                buffer += chunk
                if let port = Self.port(in: String(decoding: buffer, as: UTF8.self)) { return (port, buffer) }
            }
        }
        let listening = try #require(port, "the server named no port: \(String(decoding: head, as: UTF8.self))")
        #expect(try await TestClient(port: listening).get("/healthz").status == 200)
        process.terminate()
        let rest = try await Self.onThread { () -> Data in
            let data = reader.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        let lines = String(decoding: head + rest, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count >= 3, "\(lines)")
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            #expect(object["at"] is String && object["level"] is String && object["message"] is String, "\(line)")
        }
        #expect(lines.contains { $0.contains(#""path":"/healthz""#) }, "the access log line is there")
    }

    /// Runs blocking reads on a thread of their own, never on the cooperative pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func port(in log: String) -> Int? {
        // The "listening" line names the bound address; the configured port is 0.
        guard let range = log.range(of: #""address":"127.0.0.1:"#) else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }
}
