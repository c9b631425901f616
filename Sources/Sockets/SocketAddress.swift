import CLinux

#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 socket address, as the kernel gave it (`accept(2)`, `getsockname(2)`).
package struct SocketAddress: Sendable, CustomStringConvertible {
    private let storage: sockaddr_storage

    /// Wraps a filled `sockaddr_storage`.
    package init(_ storage: sockaddr_storage) { self.storage = storage }

    /// The numeric host (`127.0.0.1`, `::1`), without the port; `"unknown"` for other families.
    package var host: String {
        var copy = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(copy.ss_family)
        let ok = withUnsafeMutablePointer(to: &copy) { pointer -> Bool in
            text.withUnsafeMutableBufferPointer { out -> Bool in
                guard let base = out.baseAddress else { return false }
                let size = socklen_t(out.count)
                switch family {
                case AF_INET:
                    return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        inet_ntop(AF_INET, &$0.pointee.sin_addr, base, size) != nil
                    }
                case AF_INET6:
                    return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        inet_ntop(AF_INET6, &$0.pointee.sin6_addr, base, size) != nil
                    }
                default: return false
                }
            }
        }
        guard ok else { return "unknown" }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// The port in host byte order, or 0 for other families.
    package var port: Int {
        var copy = storage
        switch Int32(copy.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
        default: return 0
        }
    }

    /// `host:port`.
    package var description: String { "\(host):\(port)" }
}
