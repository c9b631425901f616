import HTTPServer

/// The registry's responder: the router, with every answer counted for `/metrics`.
package struct RegistryResponder: HTTPResponder {
    let router: Router
    let metrics: RequestMetrics
    /// Long-polling change-feed readers, woken at shutdown.
    let changes: ChangeNotifier

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        let start = RateLimiter.monotonicSeconds()
        let response = await router.respond(to: request)
        metrics.record(
            method: request.method, status: response.status.code, seconds: RateLimiter.monotonicSeconds() - start)
        return response
    }

    /// Call when a graceful shutdown starts: pending long-polls (`GET /v1/events?wait=`) answer at once.
    package func beginShutdown() { changes.close() }

    /// Every registered (method, pattern), for checking routes against openapi.yaml.
    package var registeredRoutes: [(method: HTTPMethod, pattern: String)] { router.registeredRoutes }
}
