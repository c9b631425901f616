import Foundation

/// A blocking TCP connection to 127.0.0.1 for tests, with its own reply reader (Content-Length, chunked,
/// or until close). Every call runs on a thread of its own.
package enum RawConnection {
    package enum Failure: Error { case connect(Int32), write(Int32), read(Int32), malformed(String), noReply }

    /// Connects, writes `bytes`, reads `expectedReplies` replies (fewer if the server closes), closes.
    package static func exchange(port: Int, bytes: [UInt8], expectedReplies: Int, headRequest: Bool = false)
        async throws
        -> [TestReply]
    {
        // A thread of its own, not Dispatch's global queue: many tests blocked in recv(2) at once exhausted the
        // global queue's few threads, which the cooperative pool also needs, and starved unrelated tests.
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try blockingExchange(port, bytes, expectedReplies, headRequest) })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Connects, writes `bytes` (a head without its body, say) and returns everything the server sends until it
    /// closes the connection: a `100 Continue` shows, and a server waiting for more bytes fails the read (30 s).
    package static func untilClose(port: Int, bytes: [UInt8]) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        var received: [UInt8] = []
                        _ = try blockingExchange(port, bytes, 0, false) { reader in
                            while try reader.fill() {}
                            received = reader.buffer
                        }
                        return received
                    })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    static func blockingExchange(
        _ port: Int, _ bytes: [UInt8], _ count: Int, _ head: Bool, drain: ((inout ReplyReader) throws -> Void)? = nil
    ) throws -> [TestReply] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.connect(errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure.connect(errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure.write(errno) }
            offset += written
        }
        var reader = ReplyReader(fd: fd)
        if let drain {
            try drain(&reader)
            return []
        }
        var replies: [TestReply] = []
        while replies.count < count, let reply = try reader.next(headRequest: head) { replies.append(reply) }
        return replies
    }
}

/// Reads replies from a blocking socket.
struct ReplyReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var closed = false

    init(fd: Int32) { self.fd = fd }

    mutating func fill() throws -> Bool {
        guard !closed else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw RawConnection.Failure.read(errno) }
        if count == 0 {
            closed = true
            return false
        }
        buffer += chunk[0..<count]
        return true
    }

    mutating func line() throws -> String? {
        while true {
            if let index = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<index])
                buffer.removeFirst(index + 1)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill() else { return nil }
        }
    }

    mutating func take(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { guard try fill() else { throw RawConnection.Failure.malformed("short body") } }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    mutating func next(headRequest: Bool) throws -> TestReply? {
        var statusLine: String?
        repeat {
            guard let line = try line() else { return nil }
            statusLine = line
        } while statusLine?.isEmpty == true
        guard let statusLine, statusLine.hasPrefix("HTTP/1."), statusLine.count >= 12,
            let status = Int(statusLine.dropFirst(9).prefix(3))
        else { throw RawConnection.Failure.malformed("status line") }
        var headers: [(name: String, value: String)] = []
        while let line = try line(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw RawConnection.Failure.malformed("header") }
            headers.append(
                (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        if status == 100 { return try next(headRequest: headRequest) }
        let value = { (name: String) in headers.first { $0.name == name }?.value }
        var body: [UInt8] = []
        if headRequest || status == 204 || status == 304 {
        } else if value("transfer-encoding")?.lowercased() == "chunked" {
            while let sizeLine = try line() {
                guard let size = Int(sizeLine.split(separator: ";")[0].trimmingCharacters(in: .whitespaces), radix: 16)
                else { throw RawConnection.Failure.malformed("chunk size") }
                if size == 0 {
                    while let trailer = try line(), !trailer.isEmpty {}
                    break
                }
                body += try take(size)
                _ = try line()
            }
        } else if let length = value("content-length").flatMap({ Int($0) }) {
            body = try take(length)
        } else {
            while try fill() {}
            body = buffer
            buffer = []
        }
        return TestReply(status: status, headers: headers, body: body)
    }
}
