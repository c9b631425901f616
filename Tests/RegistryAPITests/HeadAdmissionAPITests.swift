import Foundation
import HTTPServer
import RegistryAPI
import RegistryDomain
import RegistryTesting
import Testing

/// Access and body size are decided from the head, before the body is read: a client that announces a large
/// body learns at once that it may not send it (401, 403, 413), whatever it then does.
@Suite struct HeadAdmissionAPITests {
    typealias Lifecycle = AppointmentLifecycleTests

    /// The server's own cap as `serve` sets it by default (64 MiB): a 60 MB announcement passes it.
    static let server = {
        var configuration = Server.Configuration(host: "127.0.0.1", port: 0)
        configuration.maxBodySize = 64 * 1024 * 1024
        return configuration
    }()

    /// A head announcing `length` body bytes, sent alone; what the server answers before it closes.
    static func announce(
        _ server: TestServer, _ method: String, _ path: String, length: Int, token: String? = nil,
        extra: String = ""
    ) async throws -> String {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        head += extra + "Content-Length: \(length)\r\n\r\n"
        let bytes = try await RawConnection.untilClose(port: server.port, bytes: Array(head.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func anUnauthenticatedHeadIs401BeforeItsBody() async throws {
        try await withTestServer(server: Self.server) { server in
            let reply = try await Self.announce(server, "POST", "/v1/enterprises", length: 60_000_000)
            #expect(reply.hasPrefix("HTTP/1.1 401 "), "\(reply)")
            #expect(reply.lowercased().contains("www-authenticate: bearer"))
            let bad = try await Self.announce(server, "POST", "/v1/enterprises", length: 60_000_000, token: "nope")
            #expect(bad.hasPrefix("HTTP/1.1 401 "), "\(bad)")
        }
    }

    @Test func aRoleWithoutTheOperationIs403BeforeItsBody() async throws {
        try await withTestServer(server: Self.server) { server in
            let viewer = try await server.issueToken("viewer", region: "44")
            let reply = try await Self.announce(
                server, "POST", "/v1/enterprises", length: 60_000_000, token: viewer)
            #expect(reply.hasPrefix("HTTP/1.1 403 "), "\(reply)")
        }
    }

    @Test func unknownPathsAndWrongMethodsAreRefusedBeforeTheBody() async throws {
        try await withTestServer(server: Self.server) { server in
            let missing = try await Self.announce(server, "POST", "/v1/nothing-here", length: 60_000_000)
            #expect(missing.hasPrefix("HTTP/1.1 404 "), "\(missing)")
            let method = try await Self.announce(server, "PUT", "/v1/enterprises", length: 60_000_000)
            #expect(method.hasPrefix("HTTP/1.1 405 "), "\(method)")
        }
    }

    @Test func aJSONBodyOverItsCapIs413BeforeItIsRead() async throws {
        try await withTestServer(server: Self.server) { server in
            let admin = try await server.issueToken("admin", region: "44")
            let reply = try await Self.announce(
                server, "POST", "/v1/enterprises", length: 2 * 1024 * 1024, token: admin)
            #expect(reply.hasPrefix("HTTP/1.1 413 "), "\(reply)")
            // A route without a body takes none.
            let get = try await Self.announce(server, "GET", "/v1/enterprises", length: 10, token: admin)
            #expect(get.hasPrefix("HTTP/1.1 413 "), "\(get)")
        }
    }

    @Test func expectContinueWithABadTokenGets401AndNo100() async throws {
        try await withTestServer(server: Self.server) { server in
            let reply = try await Self.announce(
                server, "POST", "/v1/enterprises", length: 1000, token: "nope", extra: "Expect: 100-continue\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 401 "), "no 100 Continue first: \(reply)")
            #expect(!reply.contains("100 Continue"))
        }
    }

    @Test func theJSONCapIsConfiguration() async throws {
        var api = RegistryAPIConfiguration()
        api.jsonBodyLimit = 100
        try await withTestServer(api: api) { server in
            let admin = try await server.client("admin", region: "44")
            let padded = #"{"name": "x"}"# + String(repeating: " ", count: 100)
            #expect(try await admin.post("/v1/enterprises", json: padded).status == 413)
            #expect(try await admin.post("/v1/enterprises", json: #"{"name": "x"}"#).status == 422)
        }
    }

    @Test func aDocumentAtItsCapIsAcceptedAndAboveItIs413BeforeItIsRead() async throws {
        var api = RegistryAPIConfiguration()
        let document = DocumentAPITests.pdf + [UInt8](repeating: 0x20, count: 2 * 1024 * 1024)
        api.documentSizeLimit = document.count
        try await withTestServer(api: api, server: Self.server) { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let path = "/v1/appointments/\(id)/documents/decision"
            let atCap = try await DocumentAPITests.put(actors.company, path, document, type: "application/pdf")
            #expect(atCap.status == 201, "\(atCap.text)")
            let token = try await server.issueToken("enterprise", uscc: Lifecycle.uscc)
            let over = try await Self.announce(server, "PUT", path, length: document.count + 1, token: token)
            #expect(over.hasPrefix("HTTP/1.1 413 "), "\(over)")
        }
    }
}
