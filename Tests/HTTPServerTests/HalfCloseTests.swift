import Dispatch
import HTTPServer
import Testing

/// A client that shuts down its write side (RFC 9112 §9.6): requests it finished are answered, then the server
/// closes; a request it left unfinished is dropped at once. The head and idle timeouts are set far beyond the
/// tests' failure detector, so a server that waits for them instead fails the test.
@Suite struct HalfCloseTests {
    static func patientConfiguration() -> Server.Configuration {
        testConfiguration {
            $0.headTimeout = .seconds(120)
            $0.idleTimeout = .seconds(120)
            $0.bodyGracePeriod = .seconds(120)
        }
    }

    @Test func completeRequestThenShutdownGetsTheWholeResponseThenClose() async throws {
        let big = [UInt8](repeating: 0x42, count: 2 * 1024 * 1024)
        try await withServer(Self.patientConfiguration(), respond: { _ in HTTPResponse(status: .ok, bytes: big) }) {
            _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            client.shutdownWrite()
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == big)
            #expect(try await client.waitForClose(timeout: 5_000))
        }
    }

    @Test func pipelinedRequestsThenShutdownAreAllAnswered() async throws {
        try await withServer(
            Self.patientConfiguration(),
            respond: { request in
                HTTPResponse(status: .ok, bytes: Array(request.target.utf8))
            }
        ) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\nGET /2 HTTP/1.1\r\nHost: t\r\n\r\n")
            client.shutdownWrite()
            #expect(try await client.readResponse().text == "/1")
            #expect(try await client.readResponse().text == "/2")
            #expect(try await client.waitForClose(timeout: 5_000))
        }
    }

    @Test func shutdownInTheMiddleOfTheHeadClosesAtOnce() async throws {
        try await withServer(Self.patientConfiguration()) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Half: ")
            client.shutdownWrite()
            #expect(try await client.waitForClose(timeout: 5_000))
            #expect(client.unread.isEmpty)
        }
    }

    @Test func shutdownInTheMiddleOfTheBodyClosesAtOnce() async throws {
        try await withServer(Self.patientConfiguration()) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly part")
            client.shutdownWrite()
            #expect(try await client.waitForClose(timeout: 5_000))
            #expect(client.unread.isEmpty)
        }
    }

    @Test func shutdownWhileIdleClosesAtOnce() async throws {
        try await withServer(Self.patientConfiguration()) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            client.shutdownWrite()
            #expect(try await client.waitForClose(timeout: 5_000))
        }
    }

    /// The bytes and the FIN reach the server before it looks, so one epoll event reports both: the loop must read
    /// past the short read to see the end. The loop is held busy by a handler that blocks it until they are sent.
    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: t\r\nX-Half: ", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 9\r\n\r\nabc",
    ])
    func bytesAndShutdownSeenTogetherCloseAtOnce(_ partial: String) async throws {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        try await withServer(
            Self.patientConfiguration(),
            respond: { request in
                if request.target == "/hold" {
                    started.signal()
                    release.wait()  // blocks the event loop on purpose
                }
                return HTTPResponse(status: .ok, bytes: Array("done".utf8))
            }
        ) { _, port in
            let holder = try RawClient(port: port)
            try await holder.send("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n")
            try await offload { started.wait() }
            let client = try RawClient(port: port)
            try await client.send(partial)
            client.shutdownWrite()
            release.signal()
            #expect(try await holder.readResponse().text == "done")
            #expect(try await client.waitForClose(timeout: 5_000))
        }
    }
}
