import HTTPServer
import RegistryDomain

/// The talent pool (人才库): people holding a certificate valid today, with their current enterprise (the latest
/// registered filing, else the latest), within the caller's scope. Names are whole for admins and regulators in
/// scope and for the person's own enterprise, masked for trainers (DOMAIN.md "Personal data"); ID numbers and
/// phones are not part of the pool.
///
/// - `GET /v1/talent-pool`  listTalentPool  filters region, uscc, size_class, industry, expiring_before;
///   `format=csv` gives every member as CSV (UTF-8 with a BOM)
struct TalentPoolController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.get, "/v1/talent-pool", .listTalentPool, listTalentPool)
    }

    @Sendable func listTalentPool(_ context: RequestContext) async throws -> HTTPResponse {
        let parameters = context.request.queryParameters
        var problems = ViolationCollector()
        parameters.refuseUnknown(
            ["region", "size_class", "industry", "expiring_before", "format", "limit", "cursor"], into: &problems)
        var query = TalentPoolQuery(day: context.today)
        query.regionPrefixes = parameters.regionPrefixes(within: context.caller, into: &problems)
        if context.caller.role == .enterprise { query.uscc = context.caller.uscc }
        if let text = parameters["size_class"] {
            query.sizeClass = SizeClass(rawValue: text)
            if query.sizeClass == nil {
                problems.add("size_class", "unknown", "size_class is large, medium, small or micro")
            }
        }
        if let text = parameters["industry"] {
            if text.utf8.count <= 5, let first = text.unicodeScalars.first, ("A"..."T").contains(first),
                text.unicodeScalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) })
            {
                query.industryPrefix = text
            } else {
                problems.add("industry", "format", "industry is a GB/T 4754 code prefix such as C or C38")
            }
        }
        query.expiringBefore = parameters.date("expiring_before", into: &problems)
        let csv = parameters["format"] == "csv"
        if let format = parameters["format"], !["csv", "json"].contains(format) {
            problems.add("format", "unknown", "format is json or csv")
        }
        let page = Page(parameters, problems: &problems)
        query.limit = page.limit
        query.afterPersonID = page.afterID(into: &problems)
        try problems.throwIfAny()
        let caller = context.caller
        if csv {
            query.afterPersonID = nil
            query.limit = 1_000
            let whole = query
            let storage = services.storage
            // The whole pool is read in one snapshot, as blocking work off the event loop.
            let members = try await OffLoop.run {
                try storage.read { reader in
                    var all: [TalentPoolMember] = []
                    var page = whole
                    while true {
                        let members = try reader.talentPool(page)
                        all += members
                        guard members.count == page.limit, let last = members.last else { return all }
                        page.afterPersonID = last.certificate.personID
                    }
                }
            }
            let body = TalentPoolJSON.csv(members, caller: caller)
            return EntityTag.respond(to: context.request, body: body, contentType: "text/csv; charset=utf-8")
        }
        let members = try services.storage.read { try $0.talentPool(query) }
        let next = members.count == query.limit ? members.last.map { String($0.certificate.personID) } : nil
        return Page.response(
            request: context.request, items: members.map { TalentPoolJSON.encode($0, caller: caller) }, nextKey: next)
    }
}
