#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small HTTP/1.1 client for tests: it writes literal bytes and reads replies with its own
/// parser (not our HTTP1 module), so that a bug shared by our encoder and decoder cannot hide.
/// Every wait is bounded by `poll(2)`; nothing sleeps.
final class RawClient: @unchecked Sendable {
    // @unchecked Sendable: a test uses its client from one task at a time; `offload` only moves the
    // blocking call to another thread while that task waits for it.
    struct Response: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let fd: Int32
    private var buffer: [UInt8] = []
    var timeoutMilliseconds: Int32 = 30_000  // a failure detector only: the full suite shares 2 cores

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            Glibc.close(fd)
            throw Failure(description: "connect errno \(errno)")
        }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) async throws { try await send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) async throws { try await offload { try self.sendBlocking(bytes) } }

    /// Reads one response. `bodyless`: a reply to HEAD (fields describe a body that is not sent).
    func readResponse(bodyless: Bool = false) async throws -> Response {
        try await offload { try self.readResponseBlocking(bodyless: bodyless) }
    }

    /// True when the server closes the connection (EOF or reset) within the timeout.
    func waitForClose(timeout: Int32 = 30_000) async throws -> Bool {
        try await offload { try self.waitForCloseBlocking(timeout: timeout) }
    }

    func sendBlocking(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure(description: "send errno \(errno)") }
            offset += count
        }
    }

    /// Reads more bytes into the buffer. False on EOF or reset; throws on timeout.
    @discardableResult
    private func fill(timeout: Int32? = nil) throws -> Bool {
        var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, timeout ?? timeoutMilliseconds)
        guard ready > 0 else { throw Failure(description: "timed out waiting for bytes") }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func takeLine() throws -> String {
        while true {
            if let index = buffer.firstIndex(of: UInt8(ascii: "\n")), index > 0, buffer[index - 1] == UInt8(ascii: "\r")
            {
                let line = String(decoding: buffer[0..<(index - 1)], as: UTF8.self)
                buffer.removeSubrange(0...index)
                return line
            }
            guard try fill() else { throw Failure(description: "closed in the middle of a line") }
        }
    }

    private func take(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw Failure(description: "closed in the middle of a body") }
        }
        defer { buffer.removeSubrange(0..<count) }
        return Array(buffer[0..<count])
    }

    func readResponseBlocking(bodyless: Bool = false) throws -> Response {
        let statusLine = try takeLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw Failure(description: "bad status line \(statusLine)")
        }
        var headers: [(name: String, value: String)] = []
        while true {
            let line = try takeLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "bad field \(line)") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters()))
        }
        var response = Response(status: status, headers: headers, body: [])
        if bodyless || status == 204 || status == 304 || (100..<200).contains(status) { return response }
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while true {
                let sizeLine = try takeLine()
                guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
                    throw Failure(description: "bad chunk size \(sizeLine)")
                }
                if size == 0 {
                    while try !takeLine().isEmpty {}
                    break
                }
                response.body += try take(size)
                guard try takeLine().isEmpty else { throw Failure(description: "chunk without CRLF") }
            }
        } else if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            response.body = try take(length)
        } else {
            while try fill() {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    func waitForCloseBlocking(timeout: Int32 = 30_000) throws -> Bool {
        while true {
            var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, timeout) > 0 else { return false }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return true }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Shuts down the client's write side (sends FIN); the client can still read.
    func shutdownWrite() { _ = Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Bytes received and not yet parsed.
    var unread: [UInt8] { buffer }
}

extension Substring {
    func trimmingCharacters() -> String {
        var slice = self
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
