import Foundation
import HTTPServer
import Logging
import Testing

/// HTTPS with a certificate made for the test by the `openssl` command, checked with `curl -k`.
@Suite struct TLSTests {
    /// A fresh self-signed certificate and key in their own temporary directory.
    private static func makeCertificate() throws -> (certificate: String, key: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let status = try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-out", certificate, "-days", "1", "-subj", "/CN=localhost",
            ]
        ).status
        #expect(status == 0)
        return (certificate, key, directory)
    }

    @discardableResult
    private static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func httpsRequestIsServedOverTLS() async throws {
        let files = try Self.makeCertificate()
        defer { try? FileManager.default.removeItem(at: files.directory) }
        let config = testConfiguration {
            $0.tls = .init(certificatePath: files.certificate, privateKeyPath: files.key)
        }
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { request in
            HTTPResponse(status: .ok, bytes: Array("secure=\(request.isSecure) \(request.path)".utf8))
        }
        try await withServer(config, respond: respond) { _, port in
            let result = try await offload {
                try Self.run(
                    "/usr/bin/curl",
                    ["-sk", "--max-time", "10", "https://127.0.0.1:\(port)/a", "https://127.0.0.1:\(port)/b"])
            }
            #expect(result.status == 0)
            #expect(result.output == "secure=true /asecure=true /b")
            let tls12 = try await offload {
                try Self.run(
                    "/usr/bin/curl",
                    [
                        "-sk", "--max-time", "10", "--tlsv1.2", "--tls-max", "1.2",
                        "https://127.0.0.1:\(port)/c",
                    ])
            }
            #expect(tls12.output == "secure=true /c")
            let tls11 = try await offload {
                try Self.run(
                    "/usr/bin/curl",
                    [
                        "-sk", "--max-time", "10", "--tlsv1.1", "--tls-max", "1.1",
                        "https://127.0.0.1:\(port)/d",
                    ])
            }
            #expect(tls11.status != 0)
        }
    }

    @Test func largeBodiesTravelBothWaysOverTLS() async throws {
        let files = try Self.makeCertificate()
        defer { try? FileManager.default.removeItem(at: files.directory) }
        let upload = files.directory.appendingPathComponent("upload.bin")
        try Data(repeating: 0x62, count: 3 * 1024 * 1024).write(to: upload)
        let config = testConfiguration {
            $0.tls = .init(certificatePath: files.certificate, privateKeyPath: files.key)
        }
        let respond: @Sendable (HTTPRequest) async -> HTTPResponse = { request in
            HTTPResponse(
                status: .ok, bytes: Array("\(request.body.count)".utf8) + [UInt8](repeating: 0x61, count: 2_000_000))
        }
        try await withServer(config, respond: respond) { _, port in
            let result = try await offload {
                try Self.run(
                    "/usr/bin/curl",
                    [
                        "-sk", "--max-time", "20", "--data-binary", "@\(upload.path)",
                        "https://127.0.0.1:\(port)/upload",
                    ])
            }
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("3145728aaa"))
            #expect(result.output.utf8.count == 7 + 2_000_000)
        }
    }

    @Test func plainHTTPOnATLSPortIsClosed() async throws {
        let files = try Self.makeCertificate()
        defer { try? FileManager.default.removeItem(at: files.directory) }
        let config = testConfiguration {
            $0.tls = .init(certificatePath: files.certificate, privateKeyPath: files.key)
        }
        try await withServer(config) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.waitForClose())
        }
    }

    @Test func missingCertificateMakesRunThrow() async throws {
        var config = testConfiguration()
        config.tls = .init(certificatePath: "/nonexistent/cert.pem", privateKeyPath: "/nonexistent/key.pem")
        let server = Server(
            configuration: config, responder: ClosureResponder { _ in HTTPResponse(status: .ok) },
            logger: .init(label: "test") { _ in SwiftLogNoOpLogHandler() })
        await #expect(throws: ServerError.self) { try await server.run() }
        await #expect(throws: ServerError.self) { _ = try await server.listeningPort() }
    }
}
