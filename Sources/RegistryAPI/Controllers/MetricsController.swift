import HTTPServer
import RegistryDomain

/// Prometheus metrics: anyone on loopback whose request no proxy forwarded, else an admin token; never rate-limited.
///
/// A reverse proxy on the same host connects from loopback on behalf of outside clients: a request that carries
/// `Forwarded`, `X-Forwarded-For` or `X-Real-IP` is treated as from outside, and needs an admin token.
///
/// - `GET /metrics`  getMetrics
struct MetricsController {
    let services: Services
    let metrics: RequestMetrics

    func register(_ routes: inout Routes) {
        routes.open(.get, "/metrics", limited: false, getMetrics)
    }

    @Sendable func getMetrics(_ request: HTTPRequest, _ parameters: RouteParameters) async throws -> HTTPResponse {
        if !Self.isLocal(request) {
            _ = try services.admit(request, for: .readMetrics)
        }
        let head = try services.storage.read { try $0.auditHead() }
        let text =
            metrics.exposition(extra: [
                ("cqo_rate_limited_total", "Requests refused with 429.", services.rejections.rateLimited),
                (
                    "cqo_authentication_failures_total", "Requests with a missing or invalid token.",
                    services.rejections.unauthenticated
                ),
            ]) + Self.auditExposition(head) + Self.readinessExposition(services)
        return HTTPResponse(
            status: .ok,
            headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
            bytes: Array(text.utf8))
    }

    /// The audit chain's head, for operators to record and later pass to `audit verify --expect-head`: its hash as
    /// a label (Prometheus values are numbers) and the entry count.
    static func auditExposition(_ head: AuditHead?) -> String {
        var text = "# HELP cqo_audit_entries Entries in the audit log's hash chain.\n# TYPE cqo_audit_entries gauge\n"
        text += "cqo_audit_entries \(head?.entryCount ?? 0)\n"
        guard let head else { return text }
        text +=
            "# HELP cqo_audit_head The audit chain's last entry: anchor is HASH:COUNT for audit verify --expect-head.\n"
        text += "# TYPE cqo_audit_head gauge\n"
        text += "cqo_audit_head{hash=\"\(head.hash)\",entries=\"\(head.entryCount)\",anchor=\"\(head.anchor)\"} 1\n"
        return text
    }

    /// Readiness (database, migrations and the coverage index) and the coverage data version, as gauges.
    static func readinessExposition(_ services: Services) -> String {
        let version = (try? services.storage.readOneStatement { try $0.coverageDataVersion() }) ?? -1
        return "# HELP cqo_ready 1 when /readyz answers 200.\n# TYPE cqo_ready gauge\n"
            + "cqo_ready \(services.isReady() ? 1 : 0)\n"
            + "# HELP cqo_coverage_data_version The data version coverage answers and their ETags derive from.\n"
            + "# TYPE cqo_coverage_data_version gauge\ncqo_coverage_data_version \(version)\n"
    }

    /// From this host, and not forwarded by a proxy.
    static func isLocal(_ request: HTTPRequest) -> Bool {
        isLoopback(request.remoteAddress)
            && ["Forwarded", "X-Forwarded-For", "X-Real-IP"].allSatisfy { request.headers[$0] == nil }
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
