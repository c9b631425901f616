import Foundation
import RegistryTesting
import Testing

/// One route that takes a JSON body, for `BadInputTests`: a body the route accepts, and which of its members are a
/// string, a date and a number, so that each kind of bad input can be put in their place.
struct BadInputRoute: Sendable, CustomTestStringConvertible {
    enum Caller: Sendable { case admin, regulator, enterprise, trainer }

    var method: String
    /// With `{uscc}`, `{submitted}` (a submitted appointment), `{registered}`, `{session}`, `{report}` filled in
    /// by `BadInputWorld`.
    var path: String
    var caller: Caller
    /// A valid body, with `{person}` filled in.
    var body: String
    var contentType = "application/json"
    var string: String?
    var date: String?
    var number: String?
    /// The body is an array of objects (attendance): members are those of its first item, named `[0].member`.
    var isArray = false
    var ifMatch = false

    var testDescription: String { "\(method) \(path)" }

    /// The field name a problem must give for `member`.
    func field(_ member: String) -> String { isArray ? "[0].\(member)" : member }

    /// The body with `member` replaced by the raw JSON text `json` (or added, when the body lacks it).
    func body(_ world: BadInputWorld, replacing member: String, with json: String) throws -> [UInt8] {
        let text = world.fill(body)
        var object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let sentinel = "@@bad-input@@"
        if isArray, var items = object as? [[String: Any]] {
            items[0][member] = sentinel
            object = items
        } else if var members = object as? [String: Any] {
            members[member] = sentinel
            object = members
        }
        let encoded = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        return Array(encoded.replacingOccurrences(of: "\"\(sentinel)\"", with: json).utf8)
    }

    static let all: [BadInputRoute] = [
        BadInputRoute(
            method: "POST", path: "/v1/enterprises", caller: .regulator,
            body:
                #"{"uscc":"91442000MA4UJ6R97W","name":"中山市华兴电器有限公司","region_code":"442000100001","size_class":"medium","above_scale":true,"industry_code":"C3857","sector":"product"}"#,
            string: "name", date: "registered_on", number: "employees"),
        BadInputRoute(
            method: "PATCH", path: "/v1/enterprises/{uscc}", caller: .regulator, body: #"{"name":"新名字"}"#,
            contentType: "application/merge-patch+json", string: "name", date: "deregistered_on", number: "employees",
            ifMatch: true),
        BadInputRoute(
            method: "POST", path: "/v1/tokens", caller: .admin, body: #"{"role":"viewer","region":"4420","label":"屏"}"#,
            string: "label", date: "expires_at"),
        BadInputRoute(
            method: "POST", path: "/v1/enterprises/{uscc}/appointments", caller: .enterprise,
            body: FilingFixture.json(person: 2), string: "position", date: "appointed_on"),
        BadInputRoute(
            method: "POST", path: "/v1/appointments/{submitted}/register", caller: .regulator,
            body: #"{"registered_on":"2025-03-10"}"#, date: "registered_on"),
        BadInputRoute(
            method: "POST", path: "/v1/appointments/{submitted}/return", caller: .regulator,
            body: #"{"reason":"材料不全"}"#, string: "reason"),
        BadInputRoute(
            method: "POST", path: "/v1/appointments/{registered}/dismiss", caller: .regulator,
            body: #"{"ended_on":"2025-04-01","reason":"离职"}"#, string: "reason", date: "ended_on"),
        BadInputRoute(
            method: "POST", path: "/v1/appointments/{registered}/supervision-actions", caller: .regulator,
            body: #"{"kind":"interview","reason":"约谈","occurred_on":"2025-04-01"}"#, string: "reason",
            date: "occurred_on"),
        BadInputRoute(
            method: "POST", path: "/v1/training-sessions", caller: .trainer, body: TrainingAPITests.session,
            string: "title", date: "starts_on", number: "hours"),
        BadInputRoute(
            method: "PUT", path: "/v1/training-sessions/{session}/attendance", caller: .trainer,
            body: #"[{"person_id":{person},"hours":16}]"#, number: "person_id", isArray: true),
        BadInputRoute(
            method: "POST", path: "/v1/exams", caller: .trainer,
            body: #"{"person_id":{person},"taken_on":"2025-03-02","score":59}"#, date: "taken_on", number: "score"),
        BadInputRoute(
            method: "POST", path: "/v1/coverage-targets", caller: .admin,
            body: #"{"region_code":"4420","deadline":"2026-12-31","ratio":0.9}"#, string: "region_code",
            date: "deadline"),
        BadInputRoute(
            method: "POST", path: "/v1/enterprises/{uscc}/recognitions", caller: .regulator,
            body: #"{"kind":"exemplary_case","level":"city","year":2024,"title":"典型案例"}"#, string: "title",
            number: "year"),
        BadInputRoute(
            method: "PUT", path: "/v1/regions/442000999", caller: .admin, body: #"{"name":"新镇"}"#, string: "name"),
        BadInputRoute(
            method: "POST", path: "/v1/reports", caller: .enterprise,
            body: #"{"subject":"原料不合格","body":"已封存","severity":"high"}"#, string: "subject"),
        BadInputRoute(
            method: "POST", path: "/v1/reports/{report}/acknowledge", caller: .regulator, body: #"{"note":"已受理"}"#,
            string: "note"),
    ]
}

/// The objects `BadInputRoute`s act on: a Zhongshan enterprise with a registered CQO (who attends a session) and a
/// second, submitted filing, a direct report, and a client for each role. Bad input changes none of them.
struct BadInputWorld: Sendable {
    var clients: [BadInputRoute.Caller: TestClient]
    var registered: Int
    var submitted: Int
    var person: Int
    var session: Int
    var report: Int
    var enterpriseETag: String

    static func make(_ server: TestServer) async throws -> BadInputWorld {
        let c = try await TrainingAPITests.zhongshanClass(server)
        let submitted = try await AppointmentLifecycleTests.file(c.actors.company, FilingFixture.json(person: 3))
        let report = try await c.actors.company.post(
            "/v1/reports", json: #"{"subject":"原料不合格","body":"已封存","severity":"high"}"#)
        #expect(report.status == 201, "\(report.text)")
        let enterprise = try await c.actors.regulator.get("/v1/enterprises/\(AppointmentLifecycleTests.uscc)")
        return BadInputWorld(
            clients: [
                .admin: try await server.client("admin", region: "4420"), .regulator: c.actors.regulator,
                .enterprise: c.actors.company, .trainer: c.trainer,
            ],
            registered: c.appointmentID, submitted: submitted, person: c.personID, session: c.sessionID,
            report: try #require(report.json["id"] as? Int), enterpriseETag: try #require(enterprise[header: "etag"]))
    }

    func fill(_ text: String) -> String {
        text.replacingOccurrences(of: "{uscc}", with: AppointmentLifecycleTests.uscc)
            .replacingOccurrences(of: "{submitted}", with: String(submitted))
            .replacingOccurrences(of: "{registered}", with: String(registered))
            .replacingOccurrences(of: "{session}", with: String(session))
            .replacingOccurrences(of: "{report}", with: String(report))
            .replacingOccurrences(of: "{person}", with: String(person))
    }

    /// Sends `body` on `route` as its caller.
    func send(_ route: BadInputRoute, _ body: [UInt8]) async throws -> TestReply {
        var headers = ["Content-Type": route.contentType]
        if route.ifMatch { headers["If-Match"] = enterpriseETag }
        let client = try #require(clients[route.caller])
        return try await client.send(route.method, fill(route.path), headers: headers, body: body)
    }
}
