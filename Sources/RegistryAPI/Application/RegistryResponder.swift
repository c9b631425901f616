import HTTPServer

/// The registry's responder: the router, with every answer counted for `/metrics`. Heads are routed and access
/// decided (`Routes`) before a body is read; a refused head is counted here, since no handler answers it.
package struct RegistryResponder: HTTPResponder {
    let router: Router
    let metrics: RequestMetrics
    /// Long-polling change-feed readers, woken at shutdown.
    let changes: ChangeNotifier

    package func admit(_ head: HTTPRequest) -> HeadAdmission {
        let start = RateLimiter.monotonicSeconds()
        let admission = router.admit(head)
        if case .refuse(let response) = admission {
            metrics.record(
                method: head.method, route: response.route, status: response.status.code,
                seconds: RateLimiter.monotonicSeconds() - start)
        }
        return admission
    }

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        let start = RateLimiter.monotonicSeconds()
        let response = await router.respond(to: request)
        metrics.record(
            method: request.method, route: response.route, status: response.status.code,
            seconds: RateLimiter.monotonicSeconds() - start)
        return response
    }

    /// Call when a graceful shutdown starts: pending long-polls (`GET /v1/events?wait=`) answer at once.
    package func beginShutdown() { changes.close() }

    /// Long-polls suspended now, waiting for a commit in their scope (for tests).
    package var waitingLongPolls: Int { changes.waiterCount }

    /// Every registered (method, pattern), for checking routes against openapi.yaml.
    package var registeredRoutes: [(method: HTTPMethod, pattern: String)] { router.registeredRoutes }
}
