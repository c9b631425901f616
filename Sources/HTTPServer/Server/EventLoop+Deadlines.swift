import Logging

extension EventLoop {
    /// Closes connections whose phase has run out of time (RFC 9112 §9.5: a server may close idle connections).
    func scanDeadlines() {
        if draining, now >= drainDeadline {
            for connection in Array(connections.values) { close(connection) }
            return
        }
        var expired: [(Connection, ConnectionStateMachine.Expiry)] = []
        for connection in connections.values {
            let expiry = connection.state.timerFired(
                now: now, bodyBytesReceived: connection.decoder.bodyBytesReceived)
            if expiry != .none { expired.append((connection, expiry)) }
        }
        for (connection, expiry) in expired {
            switch expiry {
            case .none:
                continue
            case .answerTimeout(let reason):
                context.logger.debug("connection timed out", metadata: ["reason": "\(reason)"])
                respondAndClose(connection, status: .requestTimeout, detail: "request not received in time")
                service(connection)
            case .close(let reason):
                context.logger.debug("connection timed out", metadata: ["reason": "\(reason)"])
                close(connection)
            }
        }
    }
}
