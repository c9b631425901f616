import Foundation
import HTTPServer
import Testing

@Suite struct ServerBasicsTests {
    @Test func getIsAnsweredWithBodyDateLengthAndRequestID() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET /hello?name=x HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.header("Content-Length") == "5")
            #expect(response.header("Date")?.hasSuffix(" GMT") == true)
            #expect(response.header("X-Request-Id")?.isEmpty == false)
            #expect(response.header("Connection") == nil)
        }
    }

    /// Event-loop threads carry their names, as `ps -L`, `top -H` and perf show them.
    @Test func eventLoopThreadsAreNamed() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
            let names = tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
            #expect(names.contains { $0.hasPrefix("http-loop-0") }, "\(names)")
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: Array(request.path.utf8)) }) {
            _, port in
            let client = try RawClient(port: port)
            for path in ["/a", "/b", "/c"] {
                try await client.send("GET \(path) HTTP/1.1\r\nHost: test\r\n\r\n")
                let response = try await client.readResponse()
                #expect(response.text == path)
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: Array(request.path.utf8)) }) {
            _, port in
            let client = try RawClient(port: port)
            let paths = (0..<20).map { "/p\($0)" }
            try await client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
            for path in paths {
                #expect(try await client.readResponse().text == path)
            }
        }
    }

    @Test func headGetsContentLengthButNoBody() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\nGET / HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try await client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            let get = try await client.readResponse()
            #expect(get.text == "hello")
        }
    }

    @Test func validIncomingRequestIDIsEchoedAndInvalidOneReplaced() async throws {
        try await withServer(respond: { request in HTTPResponse(status: .ok, bytes: Array(request.requestID.utf8)) }) {
            _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Request-Id: abc-123_x.y:z\r\n\r\n")
            let echoed = try await client.readResponse()
            #expect(echoed.header("X-Request-Id") == "abc-123_x.y:z")
            #expect(echoed.text == "abc-123_x.y:z")
            try await client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Request-Id: bad id!\r\n\r\n")
            let replaced = try await client.readResponse()
            #expect(replaced.header("X-Request-Id") != "bad id!")
            #expect(replaced.header("X-Request-Id") == replaced.text)
        }
    }

    @Test func requestFieldsReachTheHandler() async throws {
        try await withServer(respond: { request in
            let text =
                "\(request.method) \(request.path) \(request.query ?? "-") \(request.remoteAddress) \(request.isSecure) \(String(decoding: request.body, as: UTF8.self))"
            return HTTPResponse(status: .ok, bytes: Array(text.utf8))
        }) { _, port in
            let client = try RawClient(port: port)
            try await client.send("POST /x/y?q=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody")
            #expect(try await client.readResponse().text == "POST /x/y q=1 127.0.0.1 false body")
        }
    }

    @Test func malformedRequestGets400ProblemThenClose() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost : t\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.header("Connection") == "close")
            #expect(try await client.waitForClose())
        }
    }
}
