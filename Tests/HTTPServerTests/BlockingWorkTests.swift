import Dispatch
import HTTPServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `BlockingWork` runs blocking closures off the event loop: the loop keeps serving while a handler waits.
@Suite struct BlockingWorkTests {
    struct Refusal: Error, Equatable {}

    @Test func returnsTheResultAndRethrowsTheError() async throws {
        #expect(try await BlockingWork.run { 6 * 7 } == 42)
        await #expect(throws: Refusal.self) { try await BlockingWork.run { () throws -> Int in throw Refusal() } }
    }

    @Test func runsOnAnotherThreadThanTheCaller() async throws {
        let caller = UInt(pthread_self())
        let worker = try await BlockingWork.run { UInt(pthread_self()) }
        #expect(worker != caller)
    }

    @Test func blockedWorkDoesNotHoldTheEventLoop() async throws {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        try await withServer(respond: { request in
            guard request.target == "/slow" else { return HTTPResponse(status: .ok, bytes: Array("fast".utf8)) }
            let text = try? await BlockingWork.run { () -> String in
                started.signal()
                release.wait()  // blocks this blocking-work thread, not the loop
                return "slow"
            }
            return HTTPResponse(status: .ok, bytes: Array((text ?? "failed").utf8))
        }) { _, port in
            let slow = try RawClient(port: port)
            try await slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            try await offload { started.wait() }
            // One loop serves both connections: this answer comes while /slow is still blocked.
            let fast = try RawClient(port: port)
            try await fast.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
            let fastText = try? await fast.readResponse().text
            release.signal()  // before any expectation: a failure must not leave the work blocked
            #expect(fastText == "fast")
            #expect(try await slow.readResponse().text == "slow")
        }
    }

    @Test func moreWorkThanThreadsWaitsItsTurnAndAllOfItRuns() async throws {
        let count = BlockingWork.threadLimit * 3
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask { try await BlockingWork.run { index } }
            }
            return try await group.reduce(0, +)
        }
        #expect(total == (0..<count).reduce(0, +))
    }
}
