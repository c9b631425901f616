import Sockets

/// Bytes waiting to be written to one connection, in order, written two buffers per `sendmsg` at most
/// (a head and a large body go out in one call).
struct OutputQueue {
    private var buffers: [[UInt8]] = []
    /// Bytes of `buffers[0]` already written.
    private var offset = 0
    /// Bytes not yet written.
    private(set) var pendingBytes = 0

    var isEmpty: Bool { pendingBytes == 0 }

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        pendingBytes += bytes.count
        buffers.append(bytes)
    }

    /// Writes until done or the socket would block. True when everything queued is written.
    /// - Throws: the transport's error (`EPIPE`, `ECONNRESET`, TLS failure).
    mutating func flush(to transport: inout ConnectionTransport) throws -> Bool {
        while !buffers.isEmpty {
            let result: IOResult
            if buffers.count >= 2, transport.supportsVectors {
                result = try buffers[0].withUnsafeBytes { first in
                    try buffers[1].withUnsafeBytes { second in
                        try transport.write(UnsafeRawBufferPointer(rebasing: first[offset...]), second)
                    }
                }
            } else {
                result = try buffers[0].withUnsafeBytes { first in
                    try transport.write(UnsafeRawBufferPointer(rebasing: first[offset...]), nil)
                }
            }
            guard case .bytes(var written) = result else { return false }
            pendingBytes -= written
            while written > 0, let first = buffers.first {
                let left = first.count - offset
                if written >= left {
                    written -= left
                    buffers.removeFirst()
                    offset = 0
                } else {
                    offset += written
                    written = 0
                }
            }
        }
        return true
    }

    mutating func removeAll() {
        buffers = []
        offset = 0
        pendingBytes = 0
    }
}
