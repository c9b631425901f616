import Logging

/// Finds the handler for a request by method and path pattern, and turns thrown errors into problems.
///
/// Patterns are literal segments and `{name}` parameters: `/v1/enterprises/{uscc}`. Matching is on the request's
/// decoded segments, so `%2F` or `..` inside a segment can never reach another route. When several patterns match
/// a path, the most specific one serves it: at the first segment where they differ, a literal beats a parameter
/// (`/items/export` beats `/items/{id}` whatever the order of registration). A path whose most specific pattern
/// has no route for the method answers 405 with `Allow` (that pattern's methods); `OPTIONS` answers 204 with it; `HEAD` runs the `GET` handler
/// (the server sends no body for it). Any error that is not `ProblemConvertible` becomes a bare 500 whose body
/// carries only the request id; the error itself goes to the log.
///
/// Routing happens on the head (`admit`), before the server reads a body: an unknown path is 404, a wrong method
/// 405, `OPTIONS` 204, all without reading the body; a matched route's own admission (authentication, say) then
/// decides, and what it learnt reaches the handler as `request.admission`. A request that did not come through
/// a server's admission (a responder called in process) is admitted when `respond` is called.
package struct Router: HTTPResponder {
    package typealias Handler = @Sendable (HTTPRequest, RouteParameters) async throws -> HTTPResponse
    /// Decides from the head whether the route's handler gets the body, and how much of it. A thrown error is
    /// answered as the handler's would be.
    package typealias Admission = @Sendable (HTTPRequest, RouteParameters) throws -> HeadAdmission

    private struct Route: Sendable {
        let method: HTTPMethod
        /// The pattern as registered (`/v1/enterprises/{uscc}`), which names the route in metrics.
        let template: String
        let pattern: [PatternSegment]
        let admission: Admission?
        let handler: Handler
        /// Which segments are literals; of two patterns matching one path, the greater serves it.
        let specificity: [Bool]
    }

    /// What `admit` hands the server as its note: the matched route and what the route's admission learnt.
    private struct Admitted: Sendable {
        let template: String
        let handler: Handler
        let parameters: RouteParameters
        let note: (any Sendable)?
    }

    private enum Decision {
        case admit(Admitted, maxBodySize: Int?)
        case refuse(HTTPResponse)
    }

    private enum PatternSegment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private var routes: [Route] = []
    private let logger: Logger

    package init(logger: Logger) { self.logger = logger }

    /// Adds a route. Of the patterns matching a path, the most specific serves it; among equally specific ones
    /// (the same pattern registered twice for one method), the first wins. `admission` decides from the head
    /// (nil: every head is admitted at the server's body limit).
    package mutating func on(
        _ method: HTTPMethod, _ pattern: String, admission: Admission? = nil, _ handler: @escaping Handler
    ) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part -> PatternSegment in
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
        let specificity = segments.map { segment in
            if case .literal = segment { return true }
            return false
        }
        routes.append(
            Route(
                method: method, template: pattern, pattern: segments, admission: admission, handler: handler,
                specificity: specificity))
    }

    /// Every registered (method, pattern) pair, for checking the routes against the OpenAPI contract.
    package var registeredRoutes: [(method: HTTPMethod, pattern: String)] {
        routes.map { route in
            let path = route.pattern.map { segment -> String in
                switch segment {
                case .literal(let text): text
                case .parameter(let name): "{\(name)}"
                }
            }
            return (route.method, "/" + path.joined(separator: "/"))
        }
    }

    package func admit(_ head: HTTPRequest) -> HeadAdmission {
        switch decide(head) {
        case .admit(let admitted, let maxBodySize): .admit(maxBodySize: maxBodySize, note: admitted)
        case .refuse(let response): .refuse(response)
        }
    }

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        var request = request
        let admitted: Admitted
        if let note = request.admission as? Admitted {
            admitted = note
        } else {
            // Not admitted from the head by a server: admit now, and hold the body to the admitted limit.
            switch decide(request) {
            case .refuse(let response): return response
            case .admit(let note, let maxBodySize):
                if let maxBodySize, request.body.count > maxBodySize {
                    return Problem(.contentTooLarge, detail: "request body too large").response(
                        requestID: request.requestID)
                }
                admitted = note
            }
        }
        request.admission = admitted.note
        var response = await run(admitted.handler, request, admitted.parameters)
        response.route = admitted.template
        return response
    }

    /// Routes a head and asks the route's admission.
    private func decide(_ request: HTTPRequest) -> Decision {
        let route: Route
        let parameters: RouteParameters
        switch resolve(request) {
        case .success(let found): (route, parameters) = found
        case .failure(let answer): return .refuse(answer.response)
        }
        guard let admission = route.admission else {
            return .admit(
                Admitted(template: route.template, handler: route.handler, parameters: parameters, note: nil),
                maxBodySize: nil)
        }
        do {
            switch try admission(request, parameters) {
            case .admit(let maxBodySize, let note):
                return .admit(
                    Admitted(template: route.template, handler: route.handler, parameters: parameters, note: note),
                    maxBodySize: maxBodySize)
            case .refuse(var refusal):
                refusal.route = route.template
                return .refuse(refusal)
            }
        } catch {
            var refusal = response(to: error, of: request)
            refusal.route = route.template
            return .refuse(refusal)
        }
    }

    /// The answer to a request no route serves: 404, 405 or the 204 to `OPTIONS`.
    private struct Unrouted: Error {
        let response: HTTPResponse
    }

    /// The route serving the request's method and path, with its parameters.
    private func resolve(_ request: HTTPRequest) -> Result<(Route, RouteParameters), Unrouted> {
        let segments = request.pathSegments.count == 1 && request.pathSegments[0].isEmpty ? [] : request.pathSegments
        let wanted = request.method == .head ? HTTPMethod.get : request.method
        // The routes of the most specific pattern matching the path: only they may serve it or be offered.
        var best: [(route: Route, parameters: [(String, String)])] = []
        for route in routes {
            guard let parameters = match(route.pattern, segments) else { continue }
            if let current = best.first?.route.specificity {
                if Self.isMoreSpecific(current, than: route.specificity) { continue }
                if Self.isMoreSpecific(route.specificity, than: current) { best.removeAll() }
            }
            best.append((route, parameters))
        }
        if let served = best.first(where: { $0.route.method == wanted }) {
            return .success((served.route, RouteParameters(served.parameters)))
        }
        var allowed: [HTTPMethod] = []
        for candidate in best where !allowed.contains(candidate.route.method) { allowed.append(candidate.route.method) }
        guard !allowed.isEmpty else {
            return .failure(
                Unrouted(
                    response: Problem(.notFound, detail: "no resource at this path").response(
                        requestID: request.requestID)))
        }
        if allowed.contains(.get) { allowed.append(.head) }
        allowed.append(.options)
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        if request.method == .options {
            return .failure(Unrouted(response: HTTPResponse(status: .noContent, headers: ["Allow": allow])))
        }
        return .failure(
            Unrouted(
                response: Problem(
                    .methodNotAllowed, detail: "\(request.method) is not allowed here", headers: ["Allow": allow]
                ).response(requestID: request.requestID)))
    }

    /// True when, at the first segment where they differ, `left` has a literal and `right` a parameter.
    private static func isMoreSpecific(_ left: [Bool], than right: [Bool]) -> Bool {
        for (leftIsLiteral, rightIsLiteral) in zip(left, right) where leftIsLiteral != rightIsLiteral {
            return leftIsLiteral
        }
        return false
    }

    private func match(_ pattern: [PatternSegment], _ segments: [String]) -> [(String, String)]? {
        guard pattern.count == segments.count else { return nil }
        var parameters: [(String, String)] = []
        for (part, segment) in zip(pattern, segments) {
            switch part {
            case .literal(let text): if text != segment { return nil }
            case .parameter(let name):
                guard !segment.isEmpty else { return nil }
                parameters.append((name, segment))
            }
        }
        return parameters
    }

    private func run(_ handler: Handler, _ request: HTTPRequest, _ parameters: RouteParameters) async -> HTTPResponse {
        do {
            return try await handler(request, parameters)
        } catch {
            return response(to: error, of: request)
        }
    }

    /// A problem for what a handler or an admission threw; a server error goes to the log.
    private func response(to error: any Error, of request: HTTPRequest) -> HTTPResponse {
        if let error = error as? any ProblemConvertible {
            let problem = error.problem
            if problem.status.code >= 500 {
                logger.error(
                    "request failed",
                    metadata: ["request_id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
            }
            return problem.response(requestID: request.requestID)
        }
        logger.error(
            "unhandled error",
            metadata: ["request_id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
        return Problem(.internalServerError).response(requestID: request.requestID)
    }
}

/// The `{name}` values a route's pattern captured, already percent-decoded.
package struct RouteParameters: Sendable {
    private let values: [(String, String)]
    package init(_ values: [(String, String)]) { self.values = values }
    package subscript(name: String) -> String? { values.first { $0.0 == name }?.1 }
}
