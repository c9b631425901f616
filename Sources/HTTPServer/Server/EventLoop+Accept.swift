import Logging
import Sockets

#if canImport(Glibc)
    import Glibc
#endif

extension EventLoop {
    /// Accepts what is pending (a bounded batch; the listener is level-triggered, so the rest comes next round).
    func acceptConnections() {
        guard !draining else { return }
        if context.isDraining {
            // The listener was shut down; the drain message is on its way. Stop watching it now.
            poller.deregister(listener.fileDescriptor)
            return
        }
        for _ in 0..<64 {
            let accepted: (Socket, SocketAddress)?
            do {
                accepted = try listener.accept()
            } catch {
                handleAcceptFailure(error)
                return
            }
            guard let (socket, address) = accepted else { return }
            let count = context.connectionCount.add(1, ordering: .relaxed).newValue
            guard count <= context.configuration.maxConnections else {
                // Over the cap: close at once; connections already open keep being served.
                context.connectionCount.subtract(1, ordering: .relaxed)
                socket.close()
                continue
            }
            // The kernel wakes one loop for a burst of connections (EPOLLEXCLUSIVE); spread them round-robin.
            let target = nextTarget % max(1, siblings.count)
            nextTarget &+= 1
            if siblings.isEmpty || siblings[target] === mailbox {
                adopt(socket, address: address)
            } else {
                siblings[target].post(.adopt(socket, address))
            }
        }
    }

    /// Takes a new connection into this loop: TCP_NODELAY, TLS session, epoll registration.
    func adopt(_ socket: Socket, address: SocketAddress) {
        guard !draining else {
            context.connectionCount.subtract(1, ordering: .relaxed)
            socket.close()
            return
        }
        socket.setNoDelay()
        var transport = ConnectionTransport(socket: socket, tls: nil)
        if let tls = context.tls {
            guard let session = tls.makeSession(for: socket) else {
                context.connectionCount.subtract(1, ordering: .relaxed)
                socket.close()
                return
            }
            transport.tls = session
        }
        let id = nextID
        nextID += 1
        do {
            try poller.register(
                socket.fileDescriptor, token: id, events: [.readable, .writable, .readHangUp, .edgeTriggered])
        } catch {
            context.connectionCount.subtract(1, ordering: .relaxed)
            transport.close()
            return
        }
        connections[id] = Connection(
            id: id, transport: transport, remoteAddress: address.host, limits: context.limits,
            timeouts: context.timeouts, now: now)
    }

    /// Out of descriptors: drop one pending connection using the reserve, so the listener does not spin.
    private func handleAcceptFailure(_ error: SocketError) {
        context.logger.error("accept failed", metadata: ["error": "\(error)"])
        guard error.errno == EMFILE || error.errno == ENFILE, reserveDescriptor >= 0 else { return }
        Glibc.close(reserveDescriptor)
        if let (socket, _) = try? listener.accept() { socket.close() }
        reserveDescriptor = EventLoop.openReserve()
    }

    static func openReserve() -> Int32 { open("/dev/null", O_RDONLY | O_CLOEXEC) }
}
