import HTTPServer
import Synchronization
import Testing

/// A responder that decides from the head: refused without `Authorization`, else admitted with `limit` bytes
/// and the token as its note. It counts the requests that reach `respond`.
final class GatedResponder: HTTPResponder {
    let limit: Int?
    let responded = Atomic<Int>(0)

    init(limit: Int?) { self.limit = limit }

    func admit(_ head: HTTPRequest) -> HeadAdmission {
        guard let token = head.headers["Authorization"] else {
            return .refuse(HTTPResponse(status: .unauthorized, headers: ["WWW-Authenticate": "Bearer"]))
        }
        if head.path == "/missing" { return .refuse(HTTPResponse(status: .notFound)) }
        return .admit(maxBodySize: limit, note: token)
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        responded.add(1, ordering: .relaxed)
        let note = request.admission as? String ?? "none"
        return HTTPResponse(status: .ok, bytes: Array("\(note):".utf8) + request.body)
    }
}

/// The server asks the responder about each head before it reads a byte of the body: a refusal is sent at once
/// (instead of `100 Continue`), a body is held to the limit admitted for it, and what admission learnt reaches
/// `respond`.
@Suite struct HeadAdmissionTests {
    static let large = testConfiguration { $0.maxBodySize = 64 * 1024 * 1024 }

    @Test func aRefusedHeadIsAnsweredBeforeAnyBodyByteAndTheConnectionCloses() async throws {
        let responder = GatedResponder(limit: nil)
        try await withServer(Self.large, responder: responder) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 60000000\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == "Bearer")
            #expect(response.header("Connection") == "close")
            #expect(try await client.waitForClose())
        }
        #expect(responder.responded.load(ordering: .relaxed) == 0)
    }

    @Test func expectContinueWithARefusedHeadGetsTheRefusalAndNo100() async throws {
        try await withServer(Self.large, responder: GatedResponder(limit: nil)) { _, port in
            let client = try RawClient(port: port)
            try await client.send(
                "POST /upload HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 500\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 401, "no 100 Continue before it")
            #expect(try await client.waitForClose())
        }
    }

    @Test func aContentLengthAboveTheAdmittedLimitIs413AtOnce() async throws {
        try await withServer(Self.large, responder: GatedResponder(limit: 1024 * 1024)) { _, port in
            let client = try RawClient(port: port)
            try await client.send(
                "POST /upload HTTP/1.1\r\nHost: t\r\nAuthorization: t1\r\nContent-Length: 2097152\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(try await client.waitForClose())
        }
    }

    @Test func aChunkedBodyIsCutAtTheAdmittedLimit() async throws {
        try await withServer(Self.large, responder: GatedResponder(limit: 10)) { _, port in
            let client = try RawClient(port: port)
            try await client.send(
                "POST /upload HTTP/1.1\r\nHost: t\r\nAuthorization: t1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "6\r\nabcdef\r\n")
            try await client.send("5\r\nghijk\r\n0\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(try await client.waitForClose())
        }
    }

    @Test func anAdmittedBodyReachesTheResponderWithTheAdmissionNote() async throws {
        try await withServer(Self.large, responder: GatedResponder(limit: 10)) { _, port in
            let client = try RawClient(port: port)
            try await client.send(
                "POST /upload HTTP/1.1\r\nHost: t\r\nAuthorization: t1\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 10\r\n\r\n")
            #expect(try await client.readResponse().status == 100)
            try await client.send("0123456789")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "t1:0123456789")
            // Keep-alive: the next request on the same connection is admitted on its own.
            try await client.send("GET /missing HTTP/1.1\r\nHost: t\r\nAuthorization: t1\r\n\r\n")
            #expect(try await client.readResponse().status == 404)
            try await client.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n")
            let refused = try await client.readResponse()
            #expect(refused.status == 401)
            #expect(refused.header("Connection") != "close", "a head without a body leaves nothing unread")
            try await client.send("GET /again HTTP/1.1\r\nHost: t\r\nAuthorization: t2\r\n\r\n")
            #expect(try await client.readResponse().text == "t2:")
        }
    }

    @Test func aResponderWithoutAdmissionGetsEveryBodyUpToTheServerLimit() async throws {
        try await withServer(testConfiguration { $0.maxBodySize = 8 }) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 8\r\n\r\n12345678")
            #expect(try await client.readResponse().text == "hello")
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 9\r\n\r\n")
            #expect(try await client.readResponse().status == 413)
        }
    }
}
