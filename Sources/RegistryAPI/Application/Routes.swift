import HTTPServer
import Logging

/// Registers routes on a `Router`, deciding access for each protected one in the single place where it is
/// decided, from the request's head before its body is read: authentication (401), rate limits (429), the role ×
/// operation policy (403), the query's percent-encoding (400, `QueryEncoding`), then the route's body limit (413,
/// `BodyLimit`). The caller found there reaches the handler in its `RequestContext`; it is not authenticated
/// again. Scope is then checked per object by the handler, answering 404 outside it.
struct Routes {
    private(set) var router: Router
    let services: Services

    init(router: Router, services: Services) {
        self.router = router
        self.services = services
    }

    /// A route anyone may call. `limited` routes count against the per-address limit (health probes do not).
    /// `body` defaults to `BodyLimit.default(for:)`.
    mutating func open(
        _ method: HTTPMethod, _ path: String, limited: Bool = true, body: BodyLimit? = nil,
        _ handler: @escaping @Sendable (HTTPRequest, RouteParameters) async throws -> HTTPResponse
    ) {
        let services = self.services
        let maxBodySize = (body ?? .default(for: method)).bytes(services.configuration)
        let admission: Router.Admission = { request, _ in
            if limited, let wait = services.addressLimiter.admit("a:" + request.remoteAddress) {
                services.rejections.countRateLimited()
                throw Problem.tooManyRequests(wait)
            }
            return .admit(maxBodySize: maxBodySize)
        }
        router.on(method, path, admission: admission) { request, parameters in
            try await handler(request, parameters)
        }
    }

    /// A route that needs a token whose role `operation` allows. `body` defaults to `BodyLimit.default(for:)`.
    mutating func protected(
        _ method: HTTPMethod, _ path: String, _ operation: Operation, body: BodyLimit? = nil,
        _ handler: @escaping @Sendable (RequestContext) async throws -> HTTPResponse
    ) {
        let services = self.services
        let maxBodySize = (body ?? .default(for: method)).bytes(services.configuration)
        let admission: Router.Admission = { request, _ in
            let caller = try services.admit(request, for: operation)
            try QueryEncoding.refuseMalformed(request)
            return .admit(maxBodySize: maxBodySize, note: caller)
        }
        router.on(method, path, admission: admission) { request, parameters in
            // The router hands every handler what its admission returned.
            guard let caller = request.admission as? Caller else { throw Problem(.internalServerError) }
            let context = RequestContext(
                request: request, parameters: parameters, caller: caller, today: services.clock.today,
                now: services.clock.timestamp)
            return try await handler(context)
        }
    }
}

extension Services {
    /// Authenticates, rate-limits and authorises one request, from its head alone.
    func admit(_ request: HTTPRequest, for operation: Operation) throws(Problem) -> Caller {
        switch authenticator.authenticate(request) {
        case .none:
            rejections.countUnauthenticated()
            if let wait = addressLimiter.admit("a:" + request.remoteAddress) {
                rejections.countRateLimited()
                throw Problem.tooManyRequests(wait)
            }
            throw Problem(
                .unauthorized, type: ProblemType.unauthorized, detail: "send Authorization: Bearer <token>",
                headers: ["WWW-Authenticate": "Bearer realm=\"cqo-registry\""])
        case .invalid(let reason):
            rejections.countUnauthenticated()
            if let wait = addressLimiter.admit("a:" + request.remoteAddress) {
                rejections.countRateLimited()
                throw Problem.tooManyRequests(wait)
            }
            throw Problem(
                .unauthorized, type: ProblemType.unauthorized, detail: reason,
                headers: ["WWW-Authenticate": "Bearer realm=\"cqo-registry\", error=\"invalid_token\""])
        case .failed(let error):
            // Busy: 503 with Retry-After. Anything else: a 500 that says nothing; the log gets the cause.
            let problem = (error as? any ProblemConvertible)?.problem ?? Problem(.internalServerError)
            if problem.status.code >= 500, problem.status.code != 503 {
                logger.error(
                    "cannot read the caller's token",
                    metadata: ["request_id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
            }
            throw problem
        case .caller(let caller):
            if let wait = tokenLimiter.admit("t:\(caller.tokenID)") {
                rejections.countRateLimited()
                throw Problem.tooManyRequests(wait)
            }
            guard operation.allowedRoles.contains(caller.role) else {
                throw Problem(
                    .forbidden, type: ProblemType.forbidden,
                    detail: "a \(caller.role.rawValue) token may not \(operation.summary)")
            }
            return caller
        }
    }
}

extension Problem {
    static func tooManyRequests(_ seconds: Int) -> Problem {
        Problem(
            .tooManyRequests, type: ProblemType.rateLimited, detail: "too many requests; retry after \(seconds) s",
            headers: ["Retry-After": String(seconds)])
    }

    static func notFound(_ detail: String = "no such resource in your scope") -> Problem {
        Problem(.notFound, type: ProblemType.notFound, detail: detail)
    }
}

extension Operation {
    /// Words for a 403's detail: "a viewer token may not create enterprises".
    var summary: String {
        rawValue.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
    }
}
