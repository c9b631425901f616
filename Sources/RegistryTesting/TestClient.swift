import Foundation
import HTTPServer

/// One HTTP reply as the test client read it: status, headers (names lower-cased), body.
package struct TestReply: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package subscript(header name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }

    package var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (Foundation), for assertions.
    package var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}

/// A deliberately separate HTTP/1.1 client for tests: it writes literal request bytes and reads replies with its
/// own small reader, so that a bug shared by our encoder and decoder cannot hide. Blocking socket calls run on
/// Dispatch's threads, never on the cooperative pool the server's handlers need.
package struct TestClient: Sendable {
    package let transport: TestTransport
    package var token: String?

    /// The server's port (0 for an in-process client).
    package var port: Int {
        if case .socket(let port) = transport { return port }
        return 0
    }

    package init(port: Int, token: String? = nil) {
        self.init(transport: .socket(port: port), token: token)
    }

    package init(transport: TestTransport, token: String? = nil) {
        self.transport = transport
        self.token = token
    }

    package func get(_ path: String, headers: [String: String] = [:]) async throws -> TestReply {
        try await send("GET", path, headers: headers)
    }

    package func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> TestReply {
        try await send(
            "POST", path, headers: ["Content-Type": "application/json"].merging(headers) { $1 }, body: Array(json.utf8))
    }

    package func patch(_ path: String, json: String, headers: [String: String] = [:]) async throws -> TestReply {
        try await send(
            "PATCH", path, headers: ["Content-Type": "application/merge-patch+json"].merging(headers) { $1 },
            body: Array(json.utf8))
    }

    package func delete(_ path: String, headers: [String: String] = [:]) async throws -> TestReply {
        try await send("DELETE", path, headers: headers)
    }

    /// Sends one request (on a new connection, for a socket) and reads one reply.
    package func send(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = [])
        async throws
        -> TestReply
    {
        var fields: [(String, String)] = []
        if let token { fields.append(("Authorization", "Bearer \(token)")) }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields.append((name, value)) }
        return try await transport.exchange(method, path, headers: fields, body: body)
    }
}
