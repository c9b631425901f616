import CryptoSupport
import Foundation
import RegistryAPI
import RegistryDomain
import RegistryTesting
import Testing

/// Filing documents: PDF, JPEG or PNG by their bytes, size-capped, SHA-256 kept, every version kept, and a
/// replacement guarded by If-Match.
@Suite struct DocumentAPITests {
    typealias Lifecycle = AppointmentLifecycleTests

    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)

    static func put(_ client: TestClient, _ path: String, _ bytes: [UInt8], type: String, ifMatch: String? = nil)
        async throws -> TestReply
    {
        var headers = ["Content-Type": type]
        if let ifMatch { headers["If-Match"] = ifMatch }
        return try await client.send("PUT", path, headers: headers, body: bytes)
    }

    @Test func aDocumentIsUploadedAndDownloadedWithItsDigest() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let path = "/v1/appointments/\(id)/documents/decision"
            let uploaded = try await Self.put(actors.company, path, Self.pdf, type: "application/pdf")
            #expect(uploaded.status == 201, "\(uploaded.text)")
            #expect(uploaded.json["version"] as? Int == 1)
            #expect(uploaded.json["sha256"] as? String == SHA256.hex(Self.pdf))
            #expect(uploaded.json["content_type"] as? String == "application/pdf")
            let downloaded = try await actors.regulator.get(path)
            #expect(downloaded.status == 200)
            #expect(downloaded.body == Self.pdf)
            #expect(downloaded[header: "content-type"] == "application/pdf")
            let etag = try #require(downloaded[header: "etag"])
            #expect(etag == uploaded[header: "etag"])
            #expect(try await actors.regulator.get(path, headers: ["If-None-Match": etag]).status == 304)
            let trainer = try await server.client("trainer")
            #expect(try await trainer.get(path).status == 403, "documents carry ID numbers whole: never trainers")
            #expect(try await actors.regulator.get("/v1/appointments/\(id)/documents/commitment").status == 404)
            // The regulator's download (the 304 revealed nothing) is a personal-data read; the company's own is not.
            #expect(try await actors.company.get(path).status == 200)
            let admin = try await server.client("admin", region: "44")
            let reads = try await admin.get("/v1/audit-events?action=person.read_personal_data")
            let paths = ((reads.json["data"] as? [[String: Any]]) ?? []).compactMap { $0["resource"] as? String }
            #expect(paths.count == 1, "one download by the regulator: \(paths)")
            #expect(try await actors.regulator.get("/v1/appointments/\(id)/documents/contract").status == 404)
        }
    }

    @Test func aReplacementNeedsIfMatchAndKeepsTheOldVersion() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let path = "/v1/appointments/\(id)/documents/commitment"
            let first = try await Self.put(actors.company, path, Self.pdf, type: "application/pdf")
            let etag = try #require(first[header: "etag"])
            #expect(try await Self.put(actors.company, path, Self.png, type: "image/png").status == 428)
            #expect(
                try await Self.put(actors.company, path, Self.png, type: "image/png", ifMatch: "\"stale\"").status
                    == 412)
            let second = try await Self.put(actors.regulator, path, Self.png, type: "image/png", ifMatch: etag)
            #expect(second.status == 200)
            #expect(second.json["version"] as? Int == 2)
            #expect(try await actors.company.get(path).body == Self.png)
            let versions = try server.database.registry.read {
                try $0.documentVersions(appointmentID: Int64(id), kind: .commitment)
            }
            #expect(versions.map(\.version) == [1, 2])
            let repeated = try await Self.put(
                actors.company, path, Self.png, type: "image/png", ifMatch: second[header: "etag"])
            #expect(repeated.status == 200)
            #expect(repeated.json["version"] as? Int == 2, "the same bytes again are not a new version")
            #expect(versions.map(\.sha256) == [SHA256.hex(Self.pdf), SHA256.hex(Self.png)])
        }
    }

    @Test(arguments: [
        ("image/png", Array("not an image".utf8)), ("application/pdf", png), ("text/plain", pdf),
    ])
    func bytesThatAreNotTheDeclaredFormatAreRefused(type: String, bytes: [UInt8]) async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let reply = try await Self.put(
                actors.company, "/v1/appointments/\(id)/documents/decision", bytes, type: type)
            #expect(reply.status == 415)
        }
    }

    @Test func theSizeCapIsConfiguration() async throws {
        var configuration = RegistryAPIConfiguration()
        configuration.documentSizeLimit = 64
        try await withTestServer(api: configuration) { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let big = Self.pdf + [UInt8](repeating: 0x20, count: 100)
            let reply = try await Self.put(
                actors.company, "/v1/appointments/\(id)/documents/decision", big, type: "application/pdf")
            #expect(reply.status == 413)
            let other = try await server.client("enterprise", uscc: Enterprise.fixture(9).uscc.value)
            #expect(
                try await Self.put(
                    other, "/v1/appointments/\(id)/documents/decision", Self.pdf, type: "application/pdf"
                ).status == 404)
        }
    }
}
