import HTTP1
import Logging
import Sockets
import Synchronization

/// The part of a request that runs as a task (on the loop's executor): the handler, response encoding, the
/// access log.
enum RequestTask {
    /// Everything the loop hands over with a complete request.
    struct Input: Sendable {
        var head: RequestHead
        /// The request as built from the head (`request(for:)`), with its body.
        var request: HTTPRequest
        /// The request's `If-None-Match` as sent, when it named gzip-coded tags.
        var codedIfNoneMatch: String?
        /// The responder's refusal of the head: sent instead of asking the responder.
        var refusal: HTTPResponse?
        /// The body was not read: the connection closes after the response.
        var bodyUnread: Bool
        var connection: UInt64
        var mailbox: Mailbox
    }

    /// The request a head describes (with an empty body), as the responder's `admit` and then `respond` see it,
    /// and the `If-None-Match` to restore on a 304. Runs on the loop when the head is decoded.
    static func request(
        for head: RequestHead, remoteAddress: String, isSecure: Bool, context: ServerContext
    ) -> (request: HTTPRequest, codedIfNoneMatch: String?) {
        // Handlers see identity tags only (CodedEntityTags); the 304 answer to a coded tag gets it back.
        let headers = HTTPHeaders(CodedEntityTags.identityFields(head.headers))
        let incomingID = headers["X-Request-Id"]
        let requestID = incomingID.flatMap { RequestIDGenerator.isValid($0) ? $0 : nil } ?? context.requestIDs.next()
        let request = HTTPRequest(
            method: HTTPMethod(rawValue: head.method), target: head.target,
            version: head.minorVersion == 0 ? .http1_0 : .http1_1, headers: headers, remoteAddress: remoteAddress,
            requestID: requestID, isSecure: isSecure)
        return (request, CodedEntityTags.codedIfNoneMatch(head.headers))
    }

    /// What the responder says of a head. A path that does not percent-decode (bad escape, %00, invalid UTF-8)
    /// reaches no responder (RFC 3986 §2.1).
    static func admission(of request: HTTPRequest, context: ServerContext) -> HeadAdmission {
        if request.pathSegments.isEmpty && request.target != "*" {
            return .refuse(
                Problem(.badRequest, detail: "malformed percent-encoding in path").response(
                    requestID: request.requestID))
        }
        return context.responder.admit(request)
    }

    static func run(_ input: Input, context: ServerContext) async {
        let started = ResourceLimits.monotonicNanoseconds()
        let request = input.request
        let requestID = request.requestID
        let headers = request.headers
        let codedIfNoneMatch = input.codedIfNoneMatch
        let response: HTTPResponse
        if let refusal = input.refusal {
            response = refusal
        } else {
            response = await context.responder.respond(to: request)
        }
        let keepAlive = input.head.keepAlive && !input.bodyUnread
        let responseContext = ResponseContext(
            isHead: request.method == .head, minorVersion: input.head.minorVersion, keepAlive: keepAlive,
            requestID: requestID, requestHeaders: headers, codedIfNoneMatch: codedIfNoneMatch)
        let encoded = ResponseWriter.encode(
            response, for: responseContext, close: !keepAlive || context.isDraining, context: context)
        var sent = encoded.head.count + encoded.body.count
        switch (response.body, encoded.framing) {
        case (.stream(let stream), .chunked), (.stream(let stream), .closeDelimited):
            sent = await sendStream(stream, encoded: encoded, input: input, context: context, requestID: requestID)
        default:
            input.mailbox.post(
                .write(
                    connection: input.connection, bytes: encoded.head, body: encoded.body, last: true,
                    close: encoded.close, flushed: nil))
        }
        AccessLog.record(
            request: request, status: response.status.code, bytes: sent, started: started, logger: context.logger)
    }

    /// Writes the head, then each piece the stream produces (chunked on HTTP/1.1), waiting for room as it goes.
    private static func sendStream(
        _ stream: HTTPBodyStream, encoded: ResponseWriter.Encoded, input: Input, context: ServerContext,
        requestID: String
    ) async -> Int {
        let chunked: Bool
        if case .chunked = encoded.framing { chunked = true } else { chunked = false }
        let writer = StreamWriter(
            mailbox: input.mailbox, connection: input.connection, chunked: chunked,
            gzip: encoded.gzipStream ? GzipStream() : nil)
        do {
            try await writer.send(encoded.head)
            try await stream.produce(writer)
            try await writer.finish()
            input.mailbox.post(
                .write(
                    connection: input.connection, bytes: chunked ? ResponseEncoder.lastChunk : [], body: [],
                    last: true, close: encoded.close, flushed: nil))
        } catch {
            // The body is cut short: close without the last chunk, so the client sees an incomplete message.
            context.logger.warning(
                "streamed response failed", metadata: ["request_id": "\(requestID)", "error": "\(error)"])
            input.mailbox.post(
                .write(connection: input.connection, bytes: [], body: [], last: true, close: true, flushed: nil))
        }
        return writer.byteCount
    }
}

/// The `HTTPBodyWriter` a stream gets: each write waits until the loop has room for more (back-pressure).
/// With gzip, pieces are compressed as they come (zlib may hold a little back until the next write).
final class StreamWriter: HTTPBodyWriter {
    private let mailbox: Mailbox
    private let connection: UInt64
    private let chunked: Bool
    private let gzip: Mutex<GzipStream?>
    private let counter = Synchronization.Atomic<Int>(0)

    init(mailbox: Mailbox, connection: UInt64, chunked: Bool, gzip: consuming sending GzipStream?) {
        self.mailbox = mailbox
        self.connection = connection
        self.chunked = chunked
        self.gzip = Mutex(gzip)
    }

    var byteCount: Int { counter.load(ordering: .relaxed) }

    func write(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        let piece = gzip.withLock { gzip in gzip.map { $0.compress(bytes) } ?? bytes }
        guard !piece.isEmpty else { return }
        try await send(chunked ? ResponseEncoder.chunk(piece) : piece)
    }

    /// Flushes the compressor, if any, and sends what it still held.
    func finish() async throws {
        let rest = gzip.withLock { gzip in gzip.map { $0.compress([], finish: true) } ?? [] }
        guard !rest.isEmpty else { return }
        try await send(chunked ? ResponseEncoder.chunk(rest) : rest)
    }

    func send(_ bytes: [UInt8]) async throws {
        counter.add(bytes.count, ordering: .relaxed)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            mailbox.post(
                .write(
                    connection: connection, bytes: bytes, body: [], last: false, close: false, flushed: continuation))
        }
    }
}
