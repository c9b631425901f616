import CLinux

#if canImport(Glibc)
    import Glibc
#endif

/// An epoll instance plus an eventfd that other threads use to wake it.
///
/// One event loop thread calls `wait`; any thread may call `wake()`. Registrations carry a 64-bit token
/// that `wait` hands back with each event.
package struct Poller: Sendable {
    /// Readiness flags, as `epoll_ctl(2)` spells them.
    package struct Events: OptionSet, Sendable {
        /// The epoll bit mask.
        package let rawValue: UInt32
        /// Wraps an epoll bit mask.
        package init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Data (or a FIN) to read.
        package static let readable = Events(rawValue: 0x001)  // EPOLLIN
        /// Room to write.
        package static let writable = Events(rawValue: 0x004)  // EPOLLOUT
        /// An error is pending.
        package static let error = Events(rawValue: 0x008)  // EPOLLERR
        /// Both directions are shut.
        package static let hangUp = Events(rawValue: 0x010)  // EPOLLHUP
        /// The peer shut its writing side (sent FIN).
        package static let readHangUp = Events(rawValue: 0x2000)  // EPOLLRDHUP
        /// Wake only one of the pollers sharing this descriptor (a shared listener).
        package static let exclusive = Events(rawValue: 1 << 28)  // EPOLLEXCLUSIVE
        /// Report changes, not levels: read or write until `.wouldBlock`.
        package static let edgeTriggered = Events(rawValue: 1 << 31)  // EPOLLET
    }

    /// One ready registration.
    package struct Event: Sendable {
        /// The token given at registration.
        package let token: UInt64
        /// What is ready.
        package let events: Events
    }

    /// The token `wait` reports for a `wake()`.
    package static let wakeToken = UInt64.max

    private let epollFD: Int32
    private let wakeFD: Int32

    /// Creates the epoll instance and its eventfd.
    /// - Throws: `SocketError` from `epoll_create1` or `eventfd`.
    package init() throws(SocketError) {
        let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw SocketError.current("epoll_create1") }
        let wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            let error = SocketError.current("eventfd")
            Glibc.close(epollFD)
            throw error
        }
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        try register(wakeFD, token: Poller.wakeToken, events: .readable)
    }

    /// Adds `fd` with `token`.
    /// - Throws: `SocketError` from `epoll_ctl`.
    package func register(_ fd: Int32, token: UInt64, events: Events) throws(SocketError) {
        var event = epoll_event()
        event.events = events.rawValue
        event.data.u64 = token
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else { throw SocketError.current("epoll_ctl") }
    }

    /// Removes `fd` (closing a descriptor removes it as well).
    package func deregister(_ fd: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, &event)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and fills `buffer`; returns how many events it filled.
    /// - Throws: `SocketError` from `epoll_wait` (never for `EINTR`, which returns 0).
    package func wait(into buffer: EventBuffer, timeoutMilliseconds: Int32) throws(SocketError) -> Int {
        let count = epoll_wait(epollFD, buffer.storage.baseAddress, Int32(buffer.storage.count), timeoutMilliseconds)
        if count >= 0 { return Int(count) }
        if errno == EINTR { return 0 }
        throw SocketError.current("epoll_wait")
    }

    /// Makes a pending or future `wait` return with `wakeToken`. Safe from any thread.
    package func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, MemoryLayout<UInt64>.size)
    }

    /// Resets the wake-up counter; the loop calls it when it sees `wakeToken`.
    package func acknowledgeWake() {
        var value: UInt64 = 0
        _ = Glibc.read(wakeFD, &value, MemoryLayout<UInt64>.size)
    }

    /// Closes the epoll instance and the eventfd.
    package func close() {
        Glibc.close(wakeFD)
        Glibc.close(epollFD)
    }
}

/// Room for the events one `Poller.wait` returns. Owned by one thread; not `Sendable`.
package final class EventBuffer {
    fileprivate let storage: UnsafeMutableBufferPointer<epoll_event>

    /// Allocates room for `capacity` events.
    package init(capacity: Int) {
        storage = .allocate(capacity: max(1, capacity))
        storage.initialize(repeating: epoll_event())
    }

    deinit { storage.deallocate() }

    /// The `index`th event filled by the last `wait`.
    package subscript(index: Int) -> Poller.Event {
        let raw = storage[index]
        return Poller.Event(token: raw.data.u64, events: Poller.Events(rawValue: raw.events))
    }
}
