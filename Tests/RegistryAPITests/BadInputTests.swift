import Foundation
import RegistryTesting
import Testing

/// Bad input, everywhere (issue 16): each kind of bad input, over every route that takes a JSON body (and every list
/// for bad query encoding), is a 4xx RFC 9457 problem naming the field where there is one, never a 5xx and never
/// accepted.
@Suite struct BadInputTests {
    /// A reply must be a problem of `status`; with `field`, its `errors` must name it.
    static func expectProblem(
        _ reply: TestReply, _ status: Int, field: String? = nil, _ what: String, _ route: BadInputRoute
    ) {
        #expect(reply.status == status, "\(what) on \(route.testDescription): \(reply.status) \(reply.text)")
        #expect(reply[header: "content-type"]?.hasPrefix("application/problem+json") == true, "\(what) \(route)")
        guard let field else { return }
        let fields = (reply.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        #expect(fields.contains(field), "\(what) on \(route.testDescription) names \(fields), not \(field)")
    }

    /// Runs `check` on every route in one world.
    static func everyRoute(_ check: @Sendable (BadInputWorld, BadInputRoute) async throws -> Void) async throws {
        try await withTestRouter { server in
            let world = try await BadInputWorld.make(server)
            for route in BadInputRoute.all { try await check(world, route) }
        }
    }

    @Test func malformedJSONIsA400() async throws {
        try await Self.everyRoute { world, route in
            for text in [#"{"a" 1}"#, "{,}", #"{"a":1,}"#, "[1 2]", "tru", "{'a':1}", #"{"a":1}{"#] {
                Self.expectProblem(try await world.send(route, Array(text.utf8)), 400, "malformed \(text)", route)
            }
        }
    }

    @Test func truncatedJSONIsA400() async throws {
        try await Self.everyRoute { world, route in
            let whole = Array(world.fill(route.body).utf8)
            for length in [1, whole.count / 2, whole.count - 1] {
                let reply = try await world.send(route, Array(whole.prefix(length)))
                Self.expectProblem(reply, 400, "truncated to \(length) bytes", route)
            }
        }
    }

    @Test func aWrongTypeIsA422NamingTheField() async throws {
        try await Self.everyRoute { world, route in
            let cases = [(route.string, "12"), (route.date, "true"), (route.number, #""seven""#), (route.string, "[]")]
            for case (let member?, let json) in cases {
                let reply = try await world.send(route, try route.body(world, replacing: member, with: json))
                Self.expectProblem(reply, 422, field: route.field(member), "\(member) = \(json)", route)
            }
        }
    }

    @Test func anUnknownFieldIsA422NamingIt() async throws {
        try await Self.everyRoute { world, route in
            let reply = try await world.send(route, try route.body(world, replacing: "colour", with: #""red""#))
            Self.expectProblem(reply, 422, field: route.field("colour"), "an unknown member", route)
        }
    }

    @Test func aHugeStringIsA422NamingTheField() async throws {
        try await Self.everyRoute { world, route in
            guard let member = route.string else { return }
            let huge = "\"" + String(repeating: "字", count: 200_000) + "\""
            let reply = try await world.send(route, try route.body(world, replacing: member, with: huge))
            Self.expectProblem(reply, 422, field: route.field(member), "a 600 kB \(member)", route)
        }
    }

    @Test func deepNestingIsRefused() async throws {
        try await Self.everyRoute { world, route in
            guard let member = route.string ?? route.date ?? route.number else { return }
            let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            let tooDeep = try await world.send(route, try route.body(world, replacing: member, with: deep))
            Self.expectProblem(tooDeep, 400, "10,000 nested arrays in \(member)", route)
            let nested = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
            let reply = try await world.send(route, try route.body(world, replacing: member, with: nested))
            Self.expectProblem(reply, 422, field: route.field(member), "20 nested arrays in \(member)", route)
        }
    }

    @Test func invalidUTF8IsA400() async throws {
        try await Self.everyRoute { world, route in
            guard let member = route.string ?? route.date else { return }
            for bytes: [UInt8] in [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xE5, 0xAD]] {
                let body = try route.body(world, replacing: member, with: #""@@bytes@@""#)
                let sentinel = Array("@@bytes@@".utf8)
                guard let start = body.firstRange(of: sentinel) else { continue }
                var raw = body
                raw.replaceSubrange(start, with: bytes)
                Self.expectProblem(try await world.send(route, raw), 400, "bytes \(bytes) in \(member)", route)
            }
        }
    }

    @Test func aNumberOutOfRangeIsA422NamingTheField() async throws {
        try await Self.everyRoute { world, route in
            guard let member = route.number else { return }
            for json in ["1e400", "99999999999999999999", "-99999999999999999999", "-1", "0.00000000001"] {
                let reply = try await world.send(route, try route.body(world, replacing: member, with: json))
                Self.expectProblem(reply, 422, field: route.field(member), "\(member) = \(json)", route)
            }
        }
    }

    @Test func aWholeNumberWithAZeroFractionIsWhole() async throws {
        try await withTestRouter { server in
            let world = try await BadInputWorld.make(server)
            let trainer = try #require(world.clients[.trainer])
            let exam = try await trainer.post(
                "/v1/exams", json: #"{"person_id":\#(world.person),"taken_on":"2025-03-02","score":6.1e1}"#)
            #expect(exam.status == 201, "\(exam.text)")
            #expect(exam.json["score"] as? Int == 61)
        }
    }

    /// Lists and the other operations that read a query, with a parameter each reads.
    static let queries: [(BadInputRoute.Caller, String, String)] = [
        (.regulator, "GET /v1/enterprises", "region"), (.regulator, "GET /v1/enterprises/export", "q"),
        (.regulator, "POST /v1/enterprises/import", "dry_run"), (.regulator, "GET /v1/appointments", "status"),
        (.regulator, "GET /v1/enterprises/{uscc}/appointments", "limit"),
        (.regulator, "GET /v1/supervision-actions", "kind"), (.regulator, "GET /v1/coverage", "region"),
        (.regulator, "GET /v1/coverage/trend", "from"), (.regulator, "GET /v1/coverage/worklist", "as_of"),
        (.regulator, "GET /v1/coverage-targets", "cursor"), (.trainer, "GET /v1/training-sessions", "mode"),
        (.trainer, "GET /v1/talent-pool", "industry"), (.regulator, "GET /v1/reports", "severity"),
        (.regulator, "GET /v1/recognitions", "kind"), (.regulator, "GET /v1/regions", "parent"),
        (.regulator, "GET /v1/events", "after"), (.admin, "GET /v1/audit-events", "action"),
        (.admin, "GET /v1/tokens", "limit"),
    ]

    @Test func invalidPercentEncodingInAQueryIsA400NamingTheParameter() async throws {
        try await withTestRouter { server in
            let world = try await BadInputWorld.make(server)
            for (caller, operation, name) in Self.queries {
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                let route = BadInputRoute(method: parts[0], path: parts[1], caller: caller, body: "")
                for value in ["%ZZ", "%C3%28", "%00", "%", "%E5%AD", "abc%2"] {
                    let client = try #require(world.clients[caller])
                    let reply = try await client.send(route.method, world.fill(route.path) + "?\(name)=\(value)")
                    Self.expectProblem(reply, 400, field: name, "?\(name)=\(value)", route)
                }
                let client = try #require(world.clients[caller])
                let badName = try await client.send(route.method, world.fill(route.path) + "?re%ZZgion=4420")
                Self.expectProblem(badName, 400, field: "re%ZZgion", "a malformed name", route)
            }
        }
    }

    @Test func anImpossibleDateIsA422NamingTheField() async throws {
        try await Self.everyRoute { world, route in
            guard let member = route.date else { return }
            let instant = member.hasSuffix("_at")
            for day in ["2023-02-30", "2025-13-01", "2025-00-10", "2025-1-1", "20250101", "2025-06-31"] {
                let json = "\"" + day + (instant ? "T00:00:00Z" : "") + "\""
                let reply = try await world.send(route, try route.body(world, replacing: member, with: json))
                Self.expectProblem(reply, 422, field: route.field(member), "\(member) = \(json)", route)
            }
        }
    }
}
