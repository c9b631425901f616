import Testing

@testable import HTTPServer

/// The connection's state machine alone, driven by a clock the test sets: every timeout without real time.
@Suite struct ConnectionStateMachineTests {
    static let second: UInt64 = 1_000_000_000
    static let timeouts = ConnectionStateMachine.Timeouts(
        head: 10 * second, bodyGracePeriod: 10 * second, bodyMinimumRate: 1024, idle: 15 * second,
        write: 30 * second)
    /// An arbitrary start, far from zero, so that no test passes by reading 0 as "unset".
    static let start: UInt64 = 1_000 * second

    /// A machine that has just accepted its connection and seen it become readable.
    static func accepted(isSecure: Bool = false) -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(timeouts: timeouts, isSecure: isSecure, now: start)
        machine.readiness(readable: true, writable: true, hangUp: false)
        return machine
    }

    /// Reads a complete request (one short read) and dispatches it.
    static func dispatchOne(_ machine: inout ConnectionStateMachine, at now: UInt64) {
        #expect(machine.nextStep(now: now) == .read)
        machine.bytesRead(40, filledBuffer: false, now: now)
        #expect(machine.nextStep(now: now) == .decode)
        machine.headDecoded(hasBody: false, now: now)
        #expect(machine.nextStep(now: now) == .decode)
        #expect(machine.requestDecoded(now: now) == .dispatch)
    }

    /// The handler's response arrives and is written in full.
    static func answer(
        _ machine: inout ConnectionStateMachine, close: Bool = false, moreBuffered: Bool = false, at now: UInt64
    ) {
        machine.outputQueued()
        machine.responseFinished(close: close, moreBuffered: moreBuffered, now: now)
        #expect(machine.nextStep(now: now) == .write)
        machine.writeFinished()
    }

    @Test func headTimeoutIsTenSecondsFromTheFirstByteAndAnswers408() {
        var machine = Self.accepted()
        #expect(machine.nextStep(now: Self.start) == .read)
        machine.bytesRead(10, filledBuffer: false, now: Self.start + Self.second)
        #expect(machine.phase == .head)
        #expect(machine.nextStep(now: Self.start + Self.second) == .decode)
        machine.needsMoreBytes()
        #expect(machine.nextStep(now: Self.start + Self.second) == .wait)
        #expect(machine.deadline(bodyBytesReceived: 0) == Self.start + 11 * Self.second)
        #expect(machine.timerFired(now: Self.start + 11 * Self.second, bodyBytesReceived: 0) == .none)
        #expect(
            machine.timerFired(now: Self.start + 11 * Self.second + 1, bodyBytesReceived: 0)
                == .answerTimeout(reason: "head"))
    }

    @Test func aBodyGetsTenSecondsAtAnyPaceThenMustKeepOneKiBPerSecond() {
        var machine = Self.accepted()
        _ = machine.nextStep(now: Self.start)
        machine.bytesRead(60, filledBuffer: false, now: Self.start)
        _ = machine.nextStep(now: Self.start)
        machine.headDecoded(hasBody: true, now: Self.start)
        #expect(machine.phase == .body)
        let grace = Self.start + 10 * Self.second
        // Nothing at all in the grace period is allowed.
        #expect(machine.timerFired(now: grace, bodyBytesReceived: 0) == .none)
        #expect(machine.timerFired(now: grace + 1, bodyBytesReceived: 0) == .answerTimeout(reason: "body"))
        // 20 s in, 20 KiB is on pace and 20 KiB less one byte is not.
        let twenty = Self.start + 20 * Self.second
        #expect(machine.timerFired(now: twenty, bodyBytesReceived: 20 * 1024) == .none)
        #expect(machine.timerFired(now: twenty + 1, bodyBytesReceived: 20 * 1024) == .answerTimeout(reason: "body"))
        #expect(machine.deadline(bodyBytesReceived: 20 * 1024) == twenty)
        // A fast start buys time: 100 KiB in the first second lasts until 100 s.
        #expect(machine.timerFired(now: Self.start + 99 * Self.second, bodyBytesReceived: 100 * 1024) == .none)
    }

    @Test func idleKeepAliveConnectionClosesSilentlyAfterFifteenSeconds() {
        var machine = Self.accepted()
        Self.dispatchOne(&machine, at: Self.start)
        #expect(machine.nextStep(now: Self.start) == .wait)
        #expect(machine.deadline(bodyBytesReceived: 0) == nil)  // a slow handler is never timed out
        #expect(machine.timerFired(now: Self.start + 100 * Self.second, bodyBytesReceived: 0) == .none)
        let answered = Self.start + 100 * Self.second
        Self.answer(&machine, at: answered)
        #expect(machine.nextStep(now: answered) == .decode)
        machine.needsMoreBytes()
        #expect(machine.nextStep(now: answered) == .wait)  // the short read used up the readiness
        #expect(machine.isIdle)
        #expect(machine.timerFired(now: answered + 15 * Self.second, bodyBytesReceived: 0) == .none)
        #expect(
            machine.timerFired(now: answered + 15 * Self.second + 1, bodyBytesReceived: 0) == .close(reason: "idle"))
    }

    @Test func pipelinedRequestsAreDecodedOneAtATimeInOrder() {
        var machine = Self.accepted()
        #expect(machine.nextStep(now: Self.start) == .read)
        machine.bytesRead(80, filledBuffer: false, now: Self.start)  // two requests in one read
        #expect(machine.nextStep(now: Self.start) == .decode)
        machine.headDecoded(hasBody: false, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .decode)
        #expect(machine.requestDecoded(now: Self.start) == .dispatch)
        // The second request waits in the buffer while the first is with its handler.
        #expect(machine.nextStep(now: Self.start) == .wait)
        machine.readiness(readable: true, writable: false, hangUp: false)
        #expect(machine.nextStep(now: Self.start) == .wait)
        Self.answer(&machine, moreBuffered: true, at: Self.start + 1)
        #expect(machine.phase == .head)  // the next head is already arriving: the head timeout applies
        #expect(machine.nextStep(now: Self.start + 1) == .decode)
        machine.headDecoded(hasBody: false, now: Self.start + 1)
        #expect(machine.requestDecoded(now: Self.start + 1) == .dispatch)
        #expect(machine.phase == .handling)
    }

    @Test func responseWithConnectionCloseIsWrittenThenHalfClosesAndLingers() {
        var machine = Self.accepted()
        Self.dispatchOne(&machine, at: Self.start)
        machine.outputQueued()
        machine.responseFinished(close: true, moreBuffered: false, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .write)
        machine.writeBlocked(progressed: true, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .wait)  // nothing is shut down before the bytes are out
        machine.readiness(readable: false, writable: true, hangUp: false)
        #expect(machine.nextStep(now: Self.start) == .write)
        machine.writeFinished()
        #expect(machine.nextStep(now: Self.start) == .halfClose)
        #expect(machine.phase == .lingering)
        machine.readiness(readable: true, writable: false, hangUp: false)
        #expect(machine.nextStep(now: Self.start) == .discardInput)
        machine.readWouldBlock()
        #expect(machine.nextStep(now: Self.start) == .wait)
        #expect(
            machine.timerFired(now: Self.start + 2 * Self.second + 1, bodyBytesReceived: 0) == .close(reason: "linger"))
        machine.readEnded()
        #expect(machine.nextStep(now: Self.start) == .close)
    }

    @Test func clientThatHalfClosesAfterItsRequestGetsTheResponseThenTheClose() {
        var machine = Self.accepted()
        #expect(machine.nextStep(now: Self.start) == .read)
        machine.readiness(readable: true, writable: false, hangUp: true)  // data and FIN in one event
        machine.bytesRead(40, filledBuffer: false, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .decode)
        machine.headDecoded(hasBody: false, now: Self.start)
        #expect(machine.requestDecoded(now: Self.start) == .dispatch)
        #expect(machine.nextStep(now: Self.start) == .wait)
        Self.answer(&machine, at: Self.start)
        #expect(machine.nextStep(now: Self.start) == .decode)
        machine.needsMoreBytes()
        // The short read did not use up the readiness: the FIN is still to be read.
        #expect(machine.nextStep(now: Self.start) == .read)
        machine.readEnded()
        #expect(machine.nextStep(now: Self.start) == .close)
    }

    @Test func clientThatHalfClosesInTheMiddleOfAHeadIsClosedAtOnce() {
        var machine = Self.accepted()
        machine.readiness(readable: true, writable: false, hangUp: true)
        #expect(machine.nextStep(now: Self.start) == .read)
        machine.bytesRead(12, filledBuffer: false, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .decode)
        machine.needsMoreBytes()
        #expect(machine.nextStep(now: Self.start) == .read)
        machine.readEnded()
        #expect(machine.nextStep(now: Self.start) == .close)
    }

    @Test func shortReadWithoutHangUpWaitsForTheNextEdge() {
        var machine = Self.accepted()
        _ = machine.nextStep(now: Self.start)
        machine.bytesRead(12, filledBuffer: false, now: Self.start)
        machine.needsMoreBytes()
        #expect(machine.nextStep(now: Self.start) == .wait)
        // A full buffer, or TLS, means more may be waiting.
        machine.readiness(readable: true, writable: false, hangUp: false)
        machine.bytesRead(64 * 1024, filledBuffer: true, now: Self.start)
        machine.needsMoreBytes()
        #expect(machine.nextStep(now: Self.start) == .read)
        var secure = Self.accepted(isSecure: true)
        _ = secure.nextStep(now: Self.start)
        secure.bytesRead(12, filledBuffer: false, now: Self.start)
        secure.needsMoreBytes()
        #expect(secure.nextStep(now: Self.start) == .read)
    }

    @Test func writeThatMakesNoProgressForThirtySecondsIsGivenUp() {
        var machine = Self.accepted()
        Self.dispatchOne(&machine, at: Self.start)
        machine.outputQueued()
        machine.responseFinished(close: false, moreBuffered: false, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .write)
        machine.writeBlocked(progressed: true, now: Self.start)
        // Progress restarts the clock; a blocked write that wrote nothing does not.
        machine.readiness(readable: false, writable: true, hangUp: false)
        machine.writeBlocked(progressed: true, now: Self.start + 20 * Self.second)
        machine.readiness(readable: false, writable: true, hangUp: false)
        machine.writeBlocked(progressed: false, now: Self.start + 40 * Self.second)
        #expect(machine.timerFired(now: Self.start + 50 * Self.second, bodyBytesReceived: 0) == .none)
        #expect(
            machine.timerFired(now: Self.start + 50 * Self.second + 1, bodyBytesReceived: 0) == .close(reason: "write"))
    }

    @Test func headTimeoutWhileAResponseIsStillQueuedClosesWithoutAnAnswer() {
        var machine = Self.accepted()
        Self.dispatchOne(&machine, at: Self.start)
        machine.outputQueued()
        machine.responseFinished(close: false, moreBuffered: true, now: Self.start)
        machine.writeBlocked(progressed: true, now: Self.start + 5 * Self.second)
        #expect(
            machine.timerFired(now: Self.start + 10 * Self.second + 1, bodyBytesReceived: 0) == .close(reason: "head"))
    }

    @Test func shutdownClosesAnIdleConnectionAndMakesTheCurrentResponseTheLast() {
        var idle = Self.accepted()
        let closeIdle = idle.shutdownRequested()
        #expect(closeIdle)
        var busy = Self.accepted()
        Self.dispatchOne(&busy, at: Self.start)
        let closeBusy = busy.shutdownRequested()
        #expect(!closeBusy)
        Self.answer(&busy, close: false, at: Self.start)
        #expect(busy.nextStep(now: Self.start) == .halfClose)
        #expect(busy.timerFired(now: Self.start + 200_000_001, bodyBytesReceived: 0) == .close(reason: "linger"))
    }

    @Test func refusedRequestIsAnsweredThenHalfClosed() {
        var machine = Self.accepted()
        _ = machine.nextStep(now: Self.start)
        machine.bytesRead(30, filledBuffer: false, now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .decode)
        machine.refused(now: Self.start)
        #expect(machine.nextStep(now: Self.start) == .write)
        machine.writeFinished()
        #expect(machine.nextStep(now: Self.start) == .halfClose)
    }
}
