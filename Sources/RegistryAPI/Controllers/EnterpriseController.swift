import HTTPServer
import RegistryDomain

/// The enterprise roster (企业名录).
///
/// - `POST  /v1/enterprises`          createEnterprise   admin, regulator
/// - `GET   /v1/enterprises`          listEnterprises    in scope
/// - `GET   /v1/enterprises/{uscc}`   getEnterprise      in scope
/// - `PATCH /v1/enterprises/{uscc}`   updateEnterprise   admin, regulator (merge patch, If-Match)
struct EnterpriseController {
    let services: Services

    func register(_ routes: inout Routes) {
        routes.protected(.post, "/v1/enterprises", .createEnterprise, createEnterprise)
        routes.protected(.get, "/v1/enterprises", .listEnterprises, listEnterprises)
        routes.protected(.get, "/v1/enterprises/{uscc}", .readEnterprise, getEnterprise)
        routes.protected(.patch, "/v1/enterprises/{uscc}", .updateEnterprise, updateEnterprise)
    }

    @Sendable func createEnterprise(_ context: RequestContext) async throws -> HTTPResponse {
        let input = try EnterpriseJSON.input(try JSONBody.object(context.request))
        let enterprise = try input.validated()
        try Self.requireInScope(enterprise, context.caller)
        // Where the enterprise is now: a province may have moved it out of the caller's region since.
        let replayScope = ReplayScope.enterprise(enterprise.uscc, context.caller, on: context.today)
        return try await services.mutate(context, replayScope: replayScope) { writer in
            try writer.insert(enterprise)
            let record = EnterpriseRecord(enterprise: enterprise, covered: false)
            let (body, etag) = EnterpriseJSON.document(record)
            let response = HTTPResponse(
                status: .created,
                headers: [
                    "Content-Type": "application/json", "ETag": etag,
                    "Location": "/v1/enterprises/\(enterprise.uscc.value)",
                ],
                bytes: body)
            return MutationOutcome(
                response: response,
                audit: [
                    AuditNote(
                        action: "enterprise.create", resource: "enterprise/\(enterprise.uscc)",
                        regionCode: enterprise.regionCode, change: body)
                ],
                changes: [ChangeEvents.enterprise(enterprise, kind: "created", at: context.now)])
        }
    }

    @Sendable func getEnterprise(_ context: RequestContext) async throws -> HTTPResponse {
        let uscc = try Self.pathUSCC(context)
        let today = context.today
        let grace = services.configuration.vacancyGracePeriodDays
        let found = try services.storage.read { reader in
            try reader.enterprise(uscc, on: today).map { record in
                (record, try EnterpriseAppointments.load(uscc, from: reader, today: today, gracePeriodDays: grace))
            }
        }
        guard let (record, loaded) = found,
            context.caller.covers(region: record.enterprise.regionCode, uscc: uscc)
        else { throw Problem.notFound() }
        var appointments = loaded
        appointments.showsPersonID = context.caller.seesPersonID
        let (body, etag) = EnterpriseJSON.document(record, appointments)
        return EntityTag.respond(to: context.request, body: body, etag: etag)
    }

    @Sendable func updateEnterprise(_ context: RequestContext) async throws -> HTTPResponse {
        let uscc = try Self.pathUSCC(context)
        let patch = try JSONBody.object(
            context.request, mediaTypes: ["application/merge-patch+json", "application/json"])
        let request = context.request
        let caller = context.caller
        let today = context.today
        let grace = services.configuration.vacancyGracePeriodDays
        return try await services.mutate(context) { writer in
            guard let current = try writer.enterprise(uscc, on: today),
                caller.covers(region: current.enterprise.regionCode, uscc: uscc)
            else { throw Problem.notFound() }
            let appointments = try EnterpriseAppointments.load(uscc, from: writer, today: today, gracePeriodDays: grace)
            try EntityTag.requireMatch(request, current: EnterpriseJSON.document(current, appointments).etag)
            for (name, value) in patch where name == "uscc" && value != .string(uscc.value) {
                throw ValidationFailure(field: "uscc", code: "immutable", message: "an enterprise's USCC never changes")
            }
            let base = JSONValue.object(EnterpriseJSON.members(EnterpriseInput(current.enterprise)))
            guard case .object(let merged) = JSONMergePatch.apply(.object(patch), to: base) else {
                throw Problem(.badRequest, type: ProblemType.malformed, detail: "the patch must be a JSON object")
            }
            let updated = try EnterpriseJSON.input(merged).validated()
            try Self.requireInScope(updated, caller)
            try writer.update(updated)
            guard let record = try writer.enterprise(uscc, on: today) else { throw StoreError.notFound }
            let (body, etag) = EnterpriseJSON.document(record, appointments)
            return MutationOutcome(
                response: HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json", "ETag": etag], bytes: body),
                // The region the enterprise is in after the change (the caller covers the one it left too).
                audit: [
                    AuditNote(
                        action: "enterprise.update", resource: "enterprise/\(uscc)", regionCode: updated.regionCode,
                        change: request.body)
                ],
                changes: ChangeEvents.enterprise(
                    updated, kind: "updated", at: context.now, previous: current.enterprise.regionCode))
        }
    }

    @Sendable func listEnterprises(_ context: RequestContext) async throws -> HTTPResponse {
        let query = try EnterpriseFilters.query(context)
        let grace = services.configuration.vacancyGracePeriodDays
        let today = context.today
        let showsPersonID = context.caller.seesPersonID
        let items = try services.storage.read { reader in
            let records = try reader.enterprises(query)
            let appointments = try EnterpriseAppointments.load(
                records.map(\.enterprise.uscc), from: reader, today: today, gracePeriodDays: grace)
            return records.map { record in
                var shown = appointments[record.enterprise.uscc] ?? .none
                shown.showsPersonID = showsPersonID
                return (record.enterprise.uscc.value, EnterpriseJSON.document(record, shown).body)
            }
        }
        let next = items.count == query.limit ? items.last?.0 : nil
        return Page.response(request: context.request, items: items.map(\.1), nextKey: next)
    }

    // MARK: - Helpers

    /// A malformed code cannot name an enterprise, so it is simply not found.
    static func pathUSCC(_ context: RequestContext) throws(Problem) -> USCC {
        guard let text = context.parameters["uscc"], let uscc = try? USCC(text) else { throw Problem.notFound() }
        return uscc
    }

    static func requireInScope(_ enterprise: Enterprise, _ caller: Caller) throws(ValidationFailure) {
        guard caller.covers(region: enterprise.regionCode, uscc: enterprise.uscc) else {
            throw ValidationFailure(
                field: "region_code", code: "out_of_scope", message: "region_code is outside your token's region")
        }
    }
}
