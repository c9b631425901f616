import HTTP1
import Logging
import Sockets

extension EventLoop {
    /// Moves a connection forward as far as it can go without blocking: write what is queued, then parse
    /// buffered bytes, then read more. Requests on one connection are handled one at a time, in order.
    func service(_ connection: Connection) {
        while true {
            if !connection.output.isEmpty {
                guard connection.canWrite, flush(connection) else { return }
            }
            if connection.phase == .lingering {
                discardInput(connection)
                return
            }
            if connection.closeWhenFlushed && connection.phase != .handling {
                beginLingering(connection)
                continue
            }
            if connection.phase == .handling { return }
            do {
                if let event = try connection.decoder.next() {
                    handle(event, on: connection)
                    continue
                }
            } catch {
                refuse(connection, error)
                continue
            }
            if connection.readClosed {
                close(connection)
                return
            }
            guard connection.canRead else { return }
            guard read(connection) else { return }
        }
    }

    /// Writes queued output. False when the connection was closed or must wait for room.
    private func flush(_ connection: Connection) -> Bool {
        let before = connection.output.pendingBytes
        let done: Bool
        do {
            done = try connection.output.flush(to: &connection.transport)
        } catch {
            close(connection)
            return false
        }
        if connection.output.pendingBytes <= EventLoop.highWater, !connection.flushWaiters.isEmpty {
            let waiters = connection.flushWaiters
            connection.flushWaiters = []
            for waiter in waiters { waiter.resume() }
        }
        if done {
            connection.writeStalledSince = 0
            return true
        }
        connection.canWrite = false
        if connection.writeStalledSince == 0 || connection.output.pendingBytes < before {
            connection.writeStalledSince = now
        }
        return false
    }

    /// Reads once into the loop's buffer. False when the connection was closed.
    private func read(_ connection: Connection) -> Bool {
        do {
            switch try connection.transport.read(into: readBuffer) {
            case .bytes(let count):
                if connection.phase == .idle { connection.enter(.head, at: now) }
                connection.decoder.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
                // A short read drained the socket; a new arrival raises a new edge. TLS may hold decrypted bytes.
                // After a hang-up, read on to the end of the stream: its edge has already been reported.
                if count < readBuffer.count && !connection.transport.isSecure && !connection.hangUpSignalled {
                    connection.canRead = false
                }
            case .wouldBlock:
                connection.canRead = false
            case .closed:
                connection.canRead = false
                connection.readClosed = true
            }
            return true
        } catch {
            close(connection)
            return false
        }
    }

    private func handle(_ event: RequestDecoder.Event, on connection: Connection) {
        switch event {
        case .head(let head):
            connection.pendingHead = head
            guard head.framing != .none else { return }
            connection.enter(.body, at: now)
            // RFC 9110 §10.1.1: answer 100 Continue before reading a body the client is holding back.
            if head.expectsContinue, head.minorVersion == 1, connection.decoder.bufferedByteCount == 0 {
                connection.output.append(ResponseEncoder.continueResponse)
            }
        case .end(let body):
            guard let head = connection.pendingHead else { return }
            connection.pendingHead = nil
            connection.enter(.handling, at: now)
            let input = RequestTask.Input(
                head: head, body: body, connection: connection.id, remoteAddress: connection.remoteAddress,
                isSecure: connection.transport.isSecure, mailbox: mailbox)
            let context = self.context
            switch context.configuration.handlerExecution {
            case .cooperativePool:
                Task { await RequestTask.run(input, context: context) }
            case .handlerThreads:
                Task(executorPreference: context.handlers) { await RequestTask.run(input, context: context) }
            case .eventLoop:
                Task(executorPreference: self) { await RequestTask.run(input, context: context) }
            }
        }
    }

    /// Answers a request the decoder refused with a problem, then closes: what follows cannot be framed.
    func refuse(_ connection: Connection, _ error: HTTPParseError) {
        respondAndClose(connection, status: error.status, detail: error.detail)
    }

    /// Queues a server-made problem response with `Connection: close`, and closes once it is written.
    func respondAndClose(_ connection: Connection, status: HTTPStatus, detail: String) {
        let requestID = context.requestIDs.next()
        let response = Problem(status, detail: detail).response(requestID: requestID)
        let request = ResponseContext(
            isHead: false, minorVersion: 1, keepAlive: false, requestID: requestID, requestHeaders: [:])
        let encoded = ResponseWriter.encode(response, for: request, close: true, context: context)
        connection.output.append(encoded.head)
        connection.output.append(encoded.body)
        connection.closeWhenFlushed = true
        connection.pendingHead = nil
        connection.enter(.idle, at: now)
        AccessLog.recordRefusal(
            status: status.code, bytes: encoded.head.count + encoded.body.count, requestID: requestID,
            logger: context.logger)
    }

    /// RFC 9112 §9.6: after the last response, half-close and read until the client closes (or a short while),
    /// so that unread request bytes do not make the kernel reset the connection before the client has read it.
    private func beginLingering(_ connection: Connection) {
        connection.closeWhenFlushed = false
        connection.transport.tls?.shutdown()
        connection.transport.socket.shutdownWrite()
        connection.enter(.lingering, at: now)
    }

    private func discardInput(_ connection: Connection) {
        while connection.canRead {
            do {
                switch try connection.transport.socket.read(into: readBuffer) {
                case .bytes: continue
                case .wouldBlock: connection.canRead = false
                case .closed:
                    close(connection)
                    return
                }
            } catch {
                close(connection)
                return
            }
        }
    }

    /// Closes the connection and forgets it. Stream writers waiting on it fail.
    func close(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        connection.transport.close()
        context.connectionCount.subtract(1, ordering: .relaxed)
        let waiters = connection.flushWaiters
        connection.flushWaiters = []
        for waiter in waiters { waiter.resume(throwing: ConnectionClosedError()) }
    }
}
