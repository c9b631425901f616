import Foundation
import GRDB
import RegistryTesting
import Testing

/// `serve` as operators run it: ready only when coverage can answer, and a graceful stop leaves the database file
/// whole on its own (the WAL checkpointed into it).
@Suite struct ServeLifecycleTests {
    @Test func readyMeansCoverageAnswersAndAStopLeavesTheFileWhole() async throws {
        let scratch = try ScratchDirectory()
        let db = scratch.path + "/registry.sqlite"
        let migrate = try await CommandRunner.run(["migrate", "--db", db])
        #expect(migrate.status == 0)
        let viewer = try await CommandRunner.run(["token", "create", "--role", "viewer", "--region", "44", "--db", db])
        let regulator = try await CommandRunner.run([
            "token", "create", "--role", "regulator", "--region", "4420", "--db", db,
        ])
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["serve", "--port", "0", "--db", db, "--log-format", "json"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.standardError
        try process.run()
        let reader = err.fileHandleForReading
        let (port, _) = try await LogFormatTests.onThread { () -> (Int?, Data) in
            var buffer = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return (nil, buffer) }
                buffer += chunk
                if let port = LogFormatTests.port(in: String(decoding: buffer, as: UTF8.self)) { return (port, buffer) }
            }
        }
        let listening = try #require(port)
        // Wait for readiness as an orchestrator does (bounded); once ready, coverage answers at once.
        var ready = false
        for _ in 0..<200 where !ready {
            ready = try await TestClient(port: listening).get("/readyz").status == 200
            if !ready { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(ready)
        let coverage = try await TestClient(
            port: listening, token: viewer.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        )
        .get("/v1/coverage?region=44")
        #expect(coverage.status == 200, "ready, so the coverage index is loaded: \(coverage.text)")
        let created = try await TestClient(
            port: listening, token: regulator.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        ).post(
            "/v1/enterprises",
            json:
                #"{"uscc":"91442000MA4UJ6R97W","name":"中山市华兴电器有限公司","region_code":"442000100001","size_class":"medium","above_scale":true,"industry_code":"C3857","sector":"product"}"#
        )
        #expect(created.status == 201)
        process.terminate()
        _ = try await LogFormatTests.onThread { () -> Data in
            let rest = reader.readDataToEndOfFile()
            process.waitUntilExit()
            return rest
        }
        #expect(process.terminationStatus == 0)
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "the WAL was checkpointed into the file")
        // The database file alone, copied elsewhere without its WAL, holds the acknowledged write.
        let alone = scratch.path + "/alone.sqlite"
        try FileManager.default.copyItem(atPath: db, toPath: alone)
        let copy = try DatabaseQueue(path: alone)
        let count = try await copy.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM enterprise") }
        #expect(count == 1)
    }
}
