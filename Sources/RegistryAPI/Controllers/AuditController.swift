import HTTPServer
import RegistryDomain

/// The hash-chained audit log, for admins, each within its own region.
///
/// - `GET /v1/audit-events`  listAuditEvents  admin; filters `actor` (token id), `action`, `resource`, `from`, `to`;
///   only entries within the caller's region (those about no region only for a whole province or wider)
struct AuditController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/audit-events", .listAuditEvents, listAuditEvents)
    }

    @Sendable func listAuditEvents(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        var query = AuditQuery()
        parameters.refuseUnknown(["actor", "action", "resource", "from", "to", "limit", "cursor"], into: &problems)
        if let actor = parameters["actor"] {
            query.actorToken = Int64(actor)
            if query.actorToken == nil { problems.add("actor", "type", "actor is a token id") }
        }
        query.action = parameters["action"]
        query.resource = parameters["resource"]
        for name in ["from", "to"] {
            guard let text = parameters[name] else { continue }
            if let instant = TokenIssuer.storedInstant(text) {
                if name == "from" { query.from = instant } else { query.to = instant }
            } else if CivilDate(text) != nil {
                if name == "from" { query.from = text } else { query.to = text }
            } else {
                problems.add(name, "format", "\(name) is a date or an RFC 3339 UTC instant")
            }
        }
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        query.afterID = page.afterID(into: &problems)
        try problems.throwIfAny()
        context.caller.scope(&query)
        let entries = try services.storage.read { try $0.auditEntries(query) }
        let items = entries.map(Self.encode)
        let next = entries.count == query.limit ? entries.last.map { String($0.id) } : nil
        return Page.response(request: context.request, items: items, nextKey: next)
    }

    static func encode(_ entry: AuditEntry) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("action", entry.action)
        json.key("actor_token")
        if let actor = entry.actorToken { json.number(Int(actor)) } else { json.null() }
        json.member("actor_role", entry.actorRole)
        json.member("at", entry.at)
        json.member("digest", entry.digest)
        json.member("hash", entry.hash)
        json.member("id", Int(entry.id))
        json.member("previous", entry.previous)
        json.key("region_code")
        if let region = entry.regionCode { json.string(region.value) } else { json.null() }
        json.member("request_id", entry.requestID)
        json.member("resource", entry.resource)
        json.endObject()
        return json.bytes
    }
}
