import HTTPServer
import RegistryDomain

/// The append-only change feed: every change to enterprises and appointments, in commit order.
///
/// - `GET /v1/events`  listEvents  admin, regulator (events of enterprises in their region);
///   `after` (a cursor from an earlier answer), `limit` (1–500, default 50), `wait` (0–30 s long-poll)
///
/// With `wait`, an empty answer is held until the next commit of an event in the caller's scope, or the wait runs
/// out. The request suspends on the `ChangeNotifier`; no thread is held while it waits. A token holds at most
/// `longPollsPerToken` (4) long-polls at once: one more is 429 with `Retry-After`.
struct EventController {
    let services: Services
    /// The longest `wait` accepted, in seconds (API.md: up to 30 s).
    static let maximumWaitSeconds = 30

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/events", .listEvents, listEvents)
    }

    @Sendable func listEvents(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        for name in parameters.names where !["after", "limit", "wait"].contains(name) {
            problems.add(name, "unknown", "\(name) is not a parameter of the feed")
        }
        var after: Int64?
        if let cursor = parameters["after"] {
            after = Page.decode(cursor).flatMap { Int64($0) }
            if after == nil { problems.add("after", "format", "after is a cursor this server gave out") }
        }
        var limit = Page.defaultLimit
        if let text = parameters["limit"] {
            if let value = Int(text), (1...Page.maximumLimit).contains(value) {
                limit = value
            } else {
                problems.add("limit", "range", "limit is a whole number from 1 to \(Page.maximumLimit)")
            }
        }
        var wait = 0
        if let text = parameters["wait"] {
            if let value = Int(text), (0...Self.maximumWaitSeconds).contains(value) {
                wait = value
            } else {
                problems.add("wait", "range", "wait is a whole number of seconds from 0 to \(Self.maximumWaitSeconds)")
            }
        }
        try problems.throwIfAny()
        let scope = context.caller.regionScope
        let token = context.caller.tokenID
        if wait > 0 {
            // A token may hold only so many long-polls; each one holds a connection for up to 30 s.
            guard services.changes.beginLongPoll(token: token) else {
                services.rejections.countRateLimited()
                throw Problem(
                    .tooManyRequests, type: ProblemType.rateLimited,
                    detail: "a token holds at most \(services.changes.longPollsPerToken) long-polls at once",
                    headers: ["Retry-After": "1"])
            }
        }
        defer { if wait > 0 { services.changes.endLongPoll(token: token) } }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(wait))
        while true {
            let generation = services.changes.generation
            let events = try services.storage.read { try $0.changeEvents(after: after, within: scope, limit: limit) }
            let remaining = clock.now.duration(to: deadline)
            if !events.isEmpty || remaining <= .zero || Task.isCancelled || services.changes.isClosed {
                return Self.response(context.request, events: events, after: after, limit: limit)
            }
            await services.changes.waitForChange(after: generation, within: scope, timeout: remaining)
        }
    }

    static func response(_ request: HTTPRequest, events: [ChangeEvent], after: Int64?, limit: Int) -> HTTPResponse {
        var json = JSONWriter()
        json.beginObject()
        json.key("data")
        json.beginArray()
        for event in events {
            json.beginObject()
            json.member("at", event.at)
            json.member("cursor", Page.encode(String(event.id)))
            json.member("id", Int(event.id))
            json.member("kind", event.kind)
            json.key("payload")
            json.raw(event.payload)
            json.member("region_code", event.regionCode.value)
            json.member("resource", event.resource)
            json.endObject()
        }
        json.endArray()
        // The cursor to continue from: the last event's, or the one given when nothing new arrived.
        json.key("next_cursor")
        if let last = events.last?.id ?? after { json.string(Page.encode(String(last))) } else { json.null() }
        json.endObject()
        var headers: HTTPHeaders = [:]
        if events.count == limit, let last = events.last {
            let items = request.queryParameters.items.filter { $0.name != "after" && $0.name != "wait" }
            let query =
                (items.map { "\(Page.formEncode($0.name))=\(Page.formEncode($0.value))" }
                + ["after=\(Page.encode(String(last.id)))"]).joined(separator: "&")
            headers.add("Link", "<\(request.path)?\(query)>; rel=\"next\"")
        }
        headers.add("Cache-Control", "no-store")
        return EntityTag.respond(to: request, body: json.bytes, extraHeaders: headers)
    }
}
