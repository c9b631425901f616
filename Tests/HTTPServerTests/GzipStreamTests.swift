import Foundation
import HTTPServer
import Testing

@Suite struct GzipStreamTests {
    /// Decompresses with the system's gzip, an outside implementation.
    private static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("body.gz")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    @Test func streamedCompressibleBodyIsGzippedPieceByPiece() async throws {
        let lines = (0..<5000).map { "enterprise \($0),region 4420,covered\n" }
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8"],
                body: .stream(
                    HTTPBodyStream { writer in
                        for line in lines { try await writer.write(Array(line.utf8)) }
                    }))
        }
        try await withServer(respond: respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET /export HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.header("Vary") == "Accept-Encoding")
            let expected = Array(lines.joined().utf8)
            #expect(response.body.count < expected.count / 4)
            let body = response.body
            #expect(try await offload { try Self.gunzip(body) } == expected)
            // Without Accept-Encoding the same stream goes out as is.
            try await client.send("GET /export HTTP/1.1\r\nHost: t\r\n\r\n")
            let plain = try await client.readResponse()
            #expect(plain.header("Content-Encoding") == nil)
            #expect(plain.body == expected)
        }
    }
}
