import HTTP1
import Logging
import Sockets

extension EventLoop {
    /// Moves a connection forward as far as it can go without blocking: performs the steps its state machine
    /// asks for (write, decode, read, half-close, discard, close) and reports each outcome back to it.
    func service(_ connection: Connection) {
        while true {
            switch connection.state.nextStep(now: now) {
            case .write:
                guard flush(connection) else { return }
            case .decode:
                do {
                    if let event = try connection.decoder.next() {
                        handle(event, on: connection)
                    } else {
                        connection.state.needsMoreBytes()
                    }
                } catch {
                    refuse(connection, error)
                }
            case .read:
                guard read(connection) else { return }
            case .halfClose:
                connection.transport.tls?.shutdown()
                connection.transport.socket.shutdownWrite()
            case .discardInput:
                discardInput(connection)
            case .close:
                close(connection)
                return
            case .wait:
                return
            }
        }
    }

    /// Writes queued output. False when the connection was closed.
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
            connection.state.writeFinished()
        } else {
            connection.state.writeBlocked(progressed: connection.output.pendingBytes < before, now: now)
        }
        return true
    }

    /// Reads once into the loop's buffer. False when the connection was closed.
    private func read(_ connection: Connection) -> Bool {
        do {
            switch try connection.transport.read(into: readBuffer) {
            case .bytes(let count):
                connection.decoder.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
                connection.state.bytesRead(count, filledBuffer: count == readBuffer.count, now: now)
            case .wouldBlock:
                connection.state.readWouldBlock()
            case .closed:
                connection.state.readEnded()
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
            let built = RequestTask.request(
                for: head, remoteAddress: connection.remoteAddress, isSecure: connection.transport.isSecure,
                context: context)
            var pending = PendingRequest(
                head: head, request: built.request, codedIfNoneMatch: built.codedIfNoneMatch, refusal: nil)
            // The responder decides from the head, before a byte of the body is read.
            switch RequestTask.admission(of: built.request, context: context) {
            case .refuse(let response):
                pending.refusal = response
                guard head.framing != .none else {
                    connection.pending = pending  // answered at its (empty) end, keeping the connection
                    return
                }
                // Answered now, instead of any 100 Continue; the body is never read and the connection closes.
                dispatch(pending, body: [], bodyUnread: true, on: connection)
                return
            case .admit(let maxBodySize, let note):
                pending.request.admission = note
                connection.pending = pending
                guard head.framing != .none else { return }
                if let maxBodySize {
                    do throws(HTTPParseError) {
                        try connection.decoder.limitBody(to: maxBodySize)
                    } catch {
                        refuse(connection, error)
                        return
                    }
                }
            }
            connection.state.headDecoded(hasBody: true, now: now)
            // RFC 9110 §10.1.1: answer 100 Continue before reading a body the client is holding back.
            if head.expectsContinue, head.minorVersion == 1, connection.decoder.bufferedByteCount == 0 {
                connection.queue(ResponseEncoder.continueResponse)
            }
        case .end(let body):
            guard let pending = connection.pending else { return }
            connection.pending = nil
            dispatch(pending, body: body, bodyUnread: false, on: connection)
        }
    }

    /// Hands a request (or the responder's refusal of its head) to a task that answers it.
    private func dispatch(_ pending: PendingRequest, body: [UInt8], bodyUnread: Bool, on connection: Connection) {
        guard connection.state.requestDecoded(now: now) == .dispatch else { return }
        var request = pending.request
        request.body = body
        let input = RequestTask.Input(
            head: pending.head, request: request, codedIfNoneMatch: pending.codedIfNoneMatch,
            refusal: pending.refusal, bodyUnread: bodyUnread, connection: connection.id, mailbox: mailbox)
        let context = self.context
        // The handler runs on this loop's thread: it joins the local run queue and starts before the loop
        // sleeps again; what it awaits resumes here through the mailbox.
        Task(executorPreference: self) { await RequestTask.run(input, context: context) }
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
        connection.state.refused(now: now)
        connection.pending = nil
        AccessLog.recordRefusal(
            status: status.code, bytes: encoded.head.count + encoded.body.count, requestID: requestID,
            logger: context.logger)
    }

    /// Lingering (RFC 9112 §9.6): the last response is written and the write side shut down; read and drop
    /// until the client closes, so that unread request bytes do not make the kernel reset the connection
    /// before the client has read the response.
    private func discardInput(_ connection: Connection) {
        while true {
            do {
                switch try connection.transport.socket.read(into: readBuffer) {
                case .bytes: continue
                case .wouldBlock: connection.state.readWouldBlock()
                case .closed: connection.state.readEnded()
                }
            } catch {
                connection.state.readEnded()
            }
            return
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
