import HTTPServer

/// Prometheus metrics: anyone on loopback, else an admin token; never rate-limited.
///
/// - `GET /metrics`  getMetrics
struct MetricsController {
    let services: Services
    let metrics: RequestMetrics

    func register(_ routes: inout Routes) {
        routes.open(.get, "/metrics", limited: false, getMetrics)
    }

    @Sendable func getMetrics(_ request: HTTPRequest, _ parameters: RouteParameters) async throws -> HTTPResponse {
        if !Self.isLoopback(request.remoteAddress) {
            _ = try services.admit(request, for: .readMetrics)
        }
        let text = metrics.exposition(extra: [
            ("cqo_rate_limited_total", "Requests refused with 429.", services.rejections.rateLimited),
            (
                "cqo_authentication_failures_total", "Requests with a missing or invalid token.",
                services.rejections.unauthenticated
            ),
        ])
        return HTTPResponse(
            status: .ok,
            headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
            bytes: Array(text.utf8))
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
