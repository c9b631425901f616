import Logging

/// Finds the handler for a request by method and path pattern, and turns thrown errors into problems.
///
/// Patterns are literal segments and `{name}` parameters: `/v1/enterprises/{uscc}`. Matching is on the request's
/// decoded segments, so `%2F` or `..` inside a segment can never reach another route. A path that matches with
/// another method answers 405 with `Allow`; `OPTIONS` answers 204 with `Allow`; `HEAD` runs the `GET` handler
/// (the server sends no body for it). Any error that is not `ProblemConvertible` becomes a bare 500 whose body
/// carries only the request id; the error itself goes to the log.
package struct Router: HTTPResponder {
    package typealias Handler = @Sendable (HTTPRequest, RouteParameters) async throws -> HTTPResponse

    private struct Route: Sendable {
        let method: HTTPMethod
        let pattern: [PatternSegment]
        let handler: Handler
    }

    private enum PatternSegment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private var routes: [Route] = []
    private let logger: Logger

    package init(logger: Logger) { self.logger = logger }

    /// Adds a route. Later routes never shadow earlier ones: the first match wins.
    package mutating func on(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part -> PatternSegment in
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
        routes.append(Route(method: method, pattern: segments, handler: handler))
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

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        let segments = request.pathSegments.count == 1 && request.pathSegments[0].isEmpty ? [] : request.pathSegments
        var allowed: [HTTPMethod] = []
        let wanted = request.method == .head ? HTTPMethod.get : request.method
        for route in routes {
            guard let parameters = match(route.pattern, segments) else { continue }
            if route.method == wanted {
                return await run(route.handler, request, RouteParameters(parameters))
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        guard !allowed.isEmpty else {
            return Problem(.notFound, detail: "no resource at this path").response(requestID: request.requestID)
        }
        if allowed.contains(.get) { allowed.append(.head) }
        allowed.append(.options)
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        if request.method == .options {
            return HTTPResponse(status: .noContent, headers: ["Allow": allow])
        }
        return Problem(
            .methodNotAllowed, detail: "\(request.method) is not allowed here", headers: ["Allow": allow]
        ).response(requestID: request.requestID)
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
        } catch let error as any ProblemConvertible {
            let problem = error.problem
            if problem.status.code >= 500 {
                logger.error(
                    "request failed",
                    metadata: ["request_id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
            }
            return problem.response(requestID: request.requestID)
        } catch {
            logger.error(
                "unhandled error",
                metadata: ["request_id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
            return Problem(.internalServerError).response(requestID: request.requestID)
        }
    }
}

/// The `{name}` values a route's pattern captured, already percent-decoded.
package struct RouteParameters: Sendable {
    private let values: [(String, String)]
    package init(_ values: [(String, String)]) { self.values = values }
    package subscript(name: String) -> String? { values.first { $0.0 == name }?.1 }
}
