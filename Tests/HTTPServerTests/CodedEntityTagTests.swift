import Testing

@testable import HTTPServer

/// The server's side of RFC 9110 §8.8.3 for gzip (`CodedEntityTags`): a gzipped body's strong tag differs from the
/// identity body's, and handlers only ever see identity tags in conditional requests.
@Suite struct CodedEntityTagTests {
    static let text = String(repeating: "coverage by town, 中山市; ", count: 200)

    @Test(arguments: [
        ("\"abc\"", "\"abc-gzip\""), ("W/\"abc\"", "W/\"abc\""), ("\"abc-gzip\"", "\"abc-gzip\""), ("abc", "abc"),
        ("\"\"", "\"-gzip\""),
    ])
    func codedFormOfATag(etag: String, coded: String) {
        #expect(CodedEntityTags.coded(etag) == coded)
    }

    @Test(arguments: [
        ("\"abc-gzip\"", "\"abc\""), ("\"a\", \"b-gzip\"", "\"a\", \"b\""), ("W/\"abc-gzip\"", "W/\"abc\""),
        ("\"a-gzip\",\"b-gzip\"", "\"a\", \"b\""),
    ])
    func identityFormOfAConditionalField(value: String, identity: String) {
        #expect(CodedEntityTags.identity(value) == identity)
    }

    @Test func fieldsWithoutCodedTagsAreLeftAsTheyAre() {
        #expect(CodedEntityTags.identity("\"abc\", *") == nil)
        let fields: [HTTPHeaders.Field] = [("If-None-Match", "\"abc\""), ("Accept", "*/*")]
        #expect(CodedEntityTags.identityFields(fields).map(\.value) == fields.map(\.value))
    }

    /// A handler that tags its large body `"v1"` and answers 304 / 412 by comparing identity tags only.
    static func respond(_ request: HTTPRequest) -> HTTPResponse {
        let current = "\"v1\""
        if let match = request.headers["If-Match"], match != current {
            return HTTPResponse(status: .preconditionFailed, headers: ["ETag": current, "X-Seen": match])
        }
        if let condition = request.headers["If-None-Match"] {
            guard condition != current else { return HTTPResponse(status: .notModified, headers: ["ETag": current]) }
        }
        return HTTPResponse(
            status: .ok, headers: ["ETag": current, "Content-Type": "text/plain; charset=utf-8"],
            bytes: Array(text.utf8))
    }

    @Test func aGzippedBodyHasItsOwnTagAndThatTagStillMatches() async throws {
        try await withServer(respond: Self.respond) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let gzipped = try await client.readResponse()
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.header("ETag") == "\"v1-gzip\"")
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.readResponse().header("ETag") == "\"v1\"")

            // Revalidating the gzipped copy: 304 naming the tag the client holds.
            try await client.send(
                "GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\nIf-None-Match: \"v1-gzip\"\r\n\r\n")
            let revalidated = try await client.readResponse()
            #expect(revalidated.status == 304)
            #expect(revalidated.header("ETag") == "\"v1-gzip\"")
            // Revalidating an identity copy: 304 with the identity tag.
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\nIf-None-Match: \"v1\"\r\n\r\n")
            let identity = try await client.readResponse()
            #expect(identity.status == 304)
            #expect(identity.header("ETag") == "\"v1\"")

            // A change conditioned on the coded tag reaches the handler as the identity tag.
            try await client.send("PUT / HTTP/1.1\r\nHost: t\r\nIf-Match: \"v1-gzip\"\r\nContent-Length: 0\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            try await client.send("PUT / HTTP/1.1\r\nHost: t\r\nIf-Match: \"v0-gzip\"\r\nContent-Length: 0\r\n\r\n")
            let stale = try await client.readResponse()
            #expect(stale.status == 412)
            #expect(stale.header("X-Seen") == "\"v0\"")
        }
    }
}
