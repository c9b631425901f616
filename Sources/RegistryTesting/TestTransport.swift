import HTTPServer
import Synchronization

/// How a `TestClient` reaches the registry: over a real socket to a real server, or in process, straight to the
/// responder (the router and every handler, without the wire), as HummingbirdTesting's router mode does. Tests of
/// the wire (framing, gzip, timeouts, request ids) use the socket; tests of what handlers decide may use either.
package enum TestTransport: Sendable {
    case socket(port: Int)
    case inProcess(@Sendable (HTTPRequest) async -> HTTPResponse)

    /// Sends one request and reads one reply.
    func exchange(_ method: String, _ path: String, headers: [(String, String)], body: [UInt8]) async throws
        -> TestReply
    {
        switch self {
        case .socket(let port):
            var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
                head += "Content-Length: \(body.count)\r\n"
            }
            head += "\r\n"
            let replies = try await RawConnection.exchange(
                port: port, bytes: Array(head.utf8) + body, expectedReplies: 1, headRequest: method == "HEAD")
            guard let reply = replies.first else { throw RawConnection.Failure.noReply }
            return reply
        case .inProcess(let respond):
            var fields = HTTPHeaders()
            fields.add("Host", "127.0.0.1")
            for (name, value) in headers { fields.add(name, value) }
            if !body.isEmpty { fields.add("Content-Length", String(body.count)) }
            let request = HTTPRequest(
                method: HTTPMethod(rawValue: method), target: path, headers: fields, body: body,
                requestID: "in-process")
            let response = await respond(request)
            let bytes: [UInt8]
            switch response.body {
            case .bytes(let whole): bytes = whole
            case .stream(let stream):
                let collector = CollectingWriter()
                try await stream.produce(collector)
                bytes = collector.bytes
            }
            return TestReply(
                status: response.status.code,
                headers: response.headers.map { (name: $0.name.lowercased(), value: $0.value) },
                body: method == "HEAD" ? [] : bytes)
        }
    }
}

/// Gathers a streamed body whole, for an in-process reply.
private final class CollectingWriter: HTTPBodyWriter {
    private let gathered = Mutex<[UInt8]>([])
    var bytes: [UInt8] { gathered.withLock { $0 } }
    func write(_ bytes: [UInt8]) async throws { gathered.withLock { $0 += bytes } }
}
