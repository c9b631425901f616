import Logging

extension EventLoop {
    /// Closes connections whose phase has run out of time (RFC 9112 §9.5: a server may close idle connections).
    func scanDeadlines() {
        if draining, now >= drainDeadline {
            for connection in Array(connections.values) { close(connection) }
            return
        }
        var expired: [(Connection, Bool, String)] = []  // (connection, answer 408 first, reason)
        for connection in connections.values {
            let elapsed = now &- connection.phaseStart
            if !connection.output.isEmpty, connection.writeStalledSince != 0,
                now &- connection.writeStalledSince > context.writeTimeout
            {
                expired.append((connection, false, "write"))
                continue
            }
            switch connection.phase {
            case .idle:
                if connection.output.isEmpty, elapsed > context.idleTimeout {
                    expired.append((connection, false, "idle"))
                }
            case .head:
                if elapsed > context.headTimeout { expired.append((connection, true, "head")) }
            case .body:
                if elapsed > context.bodyGracePeriod {
                    let expected = Double(context.configuration.bodyMinimumRate) * Double(elapsed) / 1e9
                    if Double(connection.decoder.bodyBytesReceived) < expected {
                        expired.append((connection, true, "body"))
                    }
                }
            case .handling:
                break
            case .lingering:
                // Long enough for the client to read the last response; short while the server is stopping.
                let limit = min(context.idleTimeout, draining ? 200_000_000 : 2_000_000_000)
                if elapsed > limit { expired.append((connection, false, "linger")) }
            }
        }
        for (connection, answer, reason) in expired {
            context.logger.debug("connection timed out", metadata: ["reason": "\(reason)"])
            if answer, connection.output.isEmpty {
                respondAndClose(connection, status: .requestTimeout, detail: "request not received in time")
                connection.canRead = false
                service(connection)
            } else {
                close(connection)
            }
        }
    }
}
