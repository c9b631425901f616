import HTTPServer
import RegistryDomain

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
        let head = try services.storage.read { try $0.auditHead() }
        let text =
            metrics.exposition(extra: [
                ("cqo_rate_limited_total", "Requests refused with 429.", services.rejections.rateLimited),
                (
                    "cqo_authentication_failures_total", "Requests with a missing or invalid token.",
                    services.rejections.unauthenticated
                ),
            ]) + Self.auditExposition(head)
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

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
