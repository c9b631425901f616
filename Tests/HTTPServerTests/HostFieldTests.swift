import HTTPServer
import Testing

/// RFC 9112 §3.2: a request whose Host is not `uri-host [ ":" port ]` (RFC 3986 §3.2.2, §3.2.3) is a 400.
@Suite struct HostFieldTests {
    static let invalid = [
        "a b", "a\u{01}b", "exa mple.com:80", "example.com:8o", "example.com:80:81", "[::1", "[::g]", "[]",
        "user@example.com", "example.com/path", "ex%zzample", "example.com\u{7f}", "\"quoted\"",
    ]
    static let valid = [
        "example.com", "example.com:8080", "127.0.0.1:1", "[::1]:443", "[v1.fe80::a+en1]", "a-b_c~d", "x%41y", "",
    ]

    @Test(arguments: invalid)
    func invalidHostIs400AndCloses(_ host: String) async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 400)
            #expect(try await client.waitForClose())
        }
    }

    @Test(arguments: valid)
    func validHostIsServed(_ host: String) async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
        }
    }
}
