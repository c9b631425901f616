/// Where one connection is and what it waits for, as a value with no I/O inside: the event loop reports what
/// happened (readiness, bytes read, a request decoded, a response finished, a write blocked, the clock, shutdown)
/// and asks `nextStep(now:)` what to do; it performs that step and reports the outcome. Times are monotonic
/// nanoseconds passed in by the caller, so tests drive the timeouts with a clock of their own.
///
/// Requests on one connection are handled one at a time, in order: while one is with its handler nothing more
/// is decoded, so pipelined requests wait in the decoder's buffer.
struct ConnectionStateMachine {
    /// The limits the timers enforce, in nanoseconds (and bytes per second).
    struct Timeouts: Sendable {
        /// From a request's first byte to the end of its head (slowloris).
        var head: UInt64
        /// How long a body may arrive at any pace before `bodyMinimumRate` applies.
        var bodyGracePeriod: UInt64
        /// The slowest acceptable body once the grace period is over, in bytes per second.
        var bodyMinimumRate: Int
        /// Between requests on a keep-alive connection.
        var idle: UInt64
        /// How long a write may make no progress.
        var write: UInt64
    }

    /// Where the connection is between requests; each phase has its own deadline.
    enum Phase: Equatable, Sendable {
        /// Waiting for the first byte of a request (idle timeout).
        case idle
        /// A head has begun (head timeout).
        case head
        /// A body is arriving (minimum rate after the grace period).
        case body
        /// A request is with the handler; its response is being produced or written.
        case handling
        /// The last response is written; reading and discarding until the client closes (lingering close).
        case lingering
    }

    /// What the loop does next.
    enum Step: Equatable, Sendable {
        /// Write queued output; then report `writeFinished` or `writeBlocked`.
        case write
        /// Ask the decoder for the next request event; report `headDecoded`, `requestDecoded` or `needsMoreBytes`.
        case decode
        /// Read once; report `bytesRead`, `readWouldBlock` or `readEnded`.
        case read
        /// Shut down the write side and keep reading to discard (RFC 9112 §9.6); the machine is now lingering.
        case halfClose
        /// Read and drop what arrives; report `readWouldBlock` or `readEnded`.
        case discardInput
        /// Close the connection.
        case close
        /// Nothing to do until the next event.
        case wait
    }

    /// What a timer that fired asks for.
    enum Expiry: Equatable, Sendable {
        case none
        /// Answer 408 and close (nothing was being written).
        case answerTimeout(reason: String)
        /// Close silently.
        case close(reason: String)
    }

    /// A decoded request goes to its handler.
    enum RequestAction: Equatable, Sendable {
        case dispatch
    }

    /// How long a lingering close waits for the client's FIN, and how long while the server stops.
    static let lingerLimit: UInt64 = 2_000_000_000
    static let drainingLingerLimit: UInt64 = 200_000_000

    let timeouts: Timeouts
    /// TLS: a short read may leave decrypted bytes behind, and writable readiness may unblock a read.
    let isSecure: Bool
    private(set) var phase = Phase.idle
    /// When the current phase began.
    private(set) var phaseStart: UInt64
    /// Output is queued and not yet written.
    private(set) var hasPendingOutput = false
    /// When writing last stopped for want of room, or 0.
    private var writeStalledSince: UInt64 = 0
    /// Edge-triggered readiness not yet used up (read until `EAGAIN`).
    private var canRead = false
    private var canWrite = true
    /// epoll reported the client's FIN: read to the end even after a short read, since no new edge will come.
    private var hangUpSignalled = false
    /// A read returned end of stream.
    private(set) var readClosed = false
    /// Close once the output is written (an error response, `Connection: close`, shutdown).
    private var closeWhenFlushed = false
    /// Bytes arrived (or a response finished) since the decoder last asked for more.
    private var decodePending = false
    /// The server is shutting down: the response in progress is the last.
    private var draining = false

    init(timeouts: Timeouts, isSecure: Bool, now: UInt64) {
        self.timeouts = timeouts
        self.isSecure = isSecure
        self.phaseStart = now
    }

    /// Between requests with nothing to write: safe to close at shutdown.
    var isIdle: Bool { phase == .idle && !hasPendingOutput }

    // MARK: - What to do next

    mutating func nextStep(now: UInt64) -> Step {
        if hasPendingOutput { return canWrite ? .write : .wait }
        if phase == .lingering {
            if readClosed { return .close }
            return canRead ? .discardInput : .wait
        }
        if closeWhenFlushed && phase != .handling {
            closeWhenFlushed = false
            enter(.lingering, at: now)
            return .halfClose
        }
        if phase == .handling { return .wait }
        if decodePending { return .decode }
        // The client has finished sending and no complete request is left: nothing more can come.
        if readClosed { return .close }
        return canRead ? .read : .wait
    }

    // MARK: - Events from the socket

    /// epoll reported readiness.
    mutating func readiness(readable: Bool, writable: Bool, hangUp: Bool) {
        if readable || hangUp { canRead = true }
        if hangUp { hangUpSignalled = true }
        if writable {
            canWrite = true
            // A TLS read may have stopped for want of room to write handshake bytes (and vice versa).
            if isSecure { canRead = true }
        }
    }

    /// A read brought `count` bytes; `filledBuffer` when it used the whole read buffer (more may be waiting).
    mutating func bytesRead(_ count: Int, filledBuffer: Bool, now: UInt64) {
        if phase == .idle { enter(.head, at: now) }
        decodePending = true
        // A short read drained the socket and a new arrival raises a new edge; not so for TLS (it may hold
        // decrypted bytes) or after a hang-up (its edge has been reported already).
        if !filledBuffer && !isSecure && !hangUpSignalled { canRead = false }
    }

    mutating func readWouldBlock() { canRead = false }

    /// The client sent FIN: it will send nothing more.
    mutating func readEnded() {
        canRead = false
        readClosed = true
    }

    mutating func writeFinished() {
        hasPendingOutput = false
        writeStalledSince = 0
    }

    /// A write stopped for want of room; `progressed` when it wrote something first.
    mutating func writeBlocked(progressed: Bool, now: UInt64) {
        canWrite = false
        if writeStalledSince == 0 || progressed { writeStalledSince = now }
    }

    // MARK: - Events from the decoder and the handler

    /// A head is decoded; a body follows when `hasBody`.
    mutating func headDecoded(hasBody: Bool, now: UInt64) {
        if hasBody { enter(.body, at: now) }
    }

    /// A whole request is decoded: it goes to its handler, and nothing more is decoded until it is answered.
    mutating func requestDecoded(now: UInt64) -> RequestAction {
        enter(.handling, at: now)
        return .dispatch
    }

    /// The decoder needs more bytes.
    mutating func needsMoreBytes() { decodePending = false }

    /// Bytes were queued for writing (a response, part of one, or `100 Continue`).
    mutating func outputQueued() { hasPendingOutput = true }

    /// The handler's response is complete (its bytes are queued). `close`: the connection ends after it.
    /// `moreBuffered`: bytes of a next (pipelined) request are already in the decoder.
    mutating func responseFinished(close: Bool, moreBuffered: Bool, now: UInt64) {
        if close || draining { closeWhenFlushed = true }
        enter(moreBuffered ? .head : .idle, at: now)
        decodePending = true
    }

    /// The server refused the request (a decode error or a timeout) and queued a problem response: the
    /// connection closes once it is written.
    mutating func refused(now: UInt64) {
        hasPendingOutput = true
        closeWhenFlushed = true
        enter(.idle, at: now)
    }

    // MARK: - Shutdown and time

    /// The server begins to stop. True when the connection should close now (it is between requests).
    mutating func shutdownRequested() -> Bool {
        draining = true
        return isIdle
    }

    /// The instant after which `timerFired` acts, for a body that has received `bodyBytesReceived` so far;
    /// nil while a handler works and nothing is stuck in writing.
    func deadline(bodyBytesReceived: Int) -> UInt64? {
        switch (writeDeadline, phaseDeadline(bodyBytesReceived: bodyBytesReceived)) {
        case (let write?, let phase?): min(write, phase)
        case (let write?, nil): write
        case (nil, let phase): phase
        }
    }

    /// The clock reads `now`: says whether the connection has run out of time, and how to end it.
    func timerFired(now: UInt64, bodyBytesReceived: Int) -> Expiry {
        if let writeDeadline, now > writeDeadline { return .close(reason: "write") }
        guard let deadline = phaseDeadline(bodyBytesReceived: bodyBytesReceived), now > deadline else { return .none }
        switch phase {
        case .idle: return .close(reason: "idle")
        case .head: return hasPendingOutput ? .close(reason: "head") : .answerTimeout(reason: "head")
        case .body: return hasPendingOutput ? .close(reason: "body") : .answerTimeout(reason: "body")
        case .handling: return .none
        case .lingering: return .close(reason: "linger")
        }
    }

    /// When a write that makes no progress is given up.
    private var writeDeadline: UInt64? {
        hasPendingOutput && writeStalledSince != 0 ? writeStalledSince &+ timeouts.write : nil
    }

    private func phaseDeadline(bodyBytesReceived: Int) -> UInt64? {
        switch phase {
        case .idle: return hasPendingOutput ? nil : phaseStart &+ timeouts.idle
        case .head: return phaseStart &+ timeouts.head
        case .body:
            // Behind the minimum rate once more time has passed than the bytes received would allow.
            let rate = UInt64(max(1, timeouts.bodyMinimumRate))
            let allowance = UInt64(max(0, bodyBytesReceived)).multipliedReportingOverflow(by: 1_000_000_000)
            let earned = allowance.overflow ? UInt64.max / 2 : allowance.partialValue / rate
            return phaseStart &+ max(timeouts.bodyGracePeriod, earned)
        case .handling: return nil
        case .lingering:
            return phaseStart &+ min(timeouts.idle, draining ? Self.drainingLingerLimit : Self.lingerLimit)
        }
    }

    private mutating func enter(_ phase: Phase, at now: UInt64) {
        self.phase = phase
        phaseStart = now
    }
}
