import Sockets
import Testing

@Suite struct PollerTests {
    @Test func readableSocketIsReportedWithItsToken() throws {
        let poller = try Poller()
        defer { poller.close() }
        let (a, b) = try Socket.pair()
        defer { a.close(); b.close() }
        try poller.register(a.fileDescriptor, token: 42, events: [.readable, .edgeTriggered])
        let events = EventBuffer(capacity: 8)
        #expect(try poller.wait(into: events, timeoutMilliseconds: 0) == 0)
        _ = try [UInt8](arrayLiteral: 1).withUnsafeBytes { try b.write($0) }
        #expect(try poller.wait(into: events, timeoutMilliseconds: 1000) == 1)
        #expect(events[0].token == 42)
        #expect(events[0].events.contains(.readable))
    }

    @Test func wakeFromAnotherThreadEndsTheWait() async throws {
        let poller = try Poller()
        defer { poller.close() }
        let waiter = Task.detached {
            let events = EventBuffer(capacity: 4)
            let count = try poller.wait(into: events, timeoutMilliseconds: 5000)
            return count == 1 && events[0].token == Poller.wakeToken
        }
        poller.wake()
        #expect(try await waiter.value)
    }

    @Test func peerCloseIsReportedAsReadHangUp() throws {
        let poller = try Poller()
        defer { poller.close() }
        let (a, b) = try Socket.pair()
        defer { a.close() }
        try poller.register(a.fileDescriptor, token: 7, events: [.readable, .readHangUp, .edgeTriggered])
        b.close()
        let events = EventBuffer(capacity: 4)
        #expect(try poller.wait(into: events, timeoutMilliseconds: 1000) == 1)
        #expect(events[0].events.contains(.readHangUp))
    }
}
