import Sockets
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SocketPairTests {
    @Test func readOnAnEmptySocketWouldBlock() throws {
        let (a, b) = try Socket.pair()
        defer { a.close(); b.close() }
        var buffer = [UInt8](repeating: 0, count: 16)
        let result = try buffer.withUnsafeMutableBytes { try a.read(into: $0) }
        #expect(result == .wouldBlock)
    }

    @Test func bytesWrittenOnOneEndAreReadOnTheOther() throws {
        let (a, b) = try Socket.pair()
        defer { a.close(); b.close() }
        let written = try [UInt8](arrayLiteral: 1, 2, 3).withUnsafeBytes { try a.write($0) }
        #expect(written == .bytes(3))
        var buffer = [UInt8](repeating: 0, count: 16)
        let read = try buffer.withUnsafeMutableBytes { try b.read(into: $0) }
        #expect(read == .bytes(3))
        #expect(Array(buffer[0..<3]) == [1, 2, 3])
    }

    @Test func readAfterPeerCloseReportsClosed() throws {
        let (a, b) = try Socket.pair()
        defer { a.close() }
        b.close()
        var buffer = [UInt8](repeating: 0, count: 16)
        let result = try buffer.withUnsafeMutableBytes { try a.read(into: $0) }
        #expect(result == .closed)
    }

    @Test func writeAfterPeerCloseFailsWithEPIPE() throws {
        let (a, b) = try Socket.pair()
        defer { a.close() }
        b.close()
        #expect(throws: SocketError("send", errno: EPIPE)) {
            _ = try [UInt8](repeating: 0, count: 8).withUnsafeBytes { try a.write($0) }
        }
    }

    @Test func writeToAFullSocketWouldBlock() throws {
        let (a, b) = try Socket.pair()
        defer { a.close(); b.close() }
        let chunk = [UInt8](repeating: 7, count: 65536)
        var sawWouldBlock = false
        for _ in 0..<1000 {
            if try chunk.withUnsafeBytes({ try a.write($0) }) == .wouldBlock {
                sawWouldBlock = true
                break
            }
        }
        #expect(sawWouldBlock)
    }
}
