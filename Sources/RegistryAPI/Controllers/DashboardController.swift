import HTTPServer

/// The coverage dashboard: one self-contained HTML page (no external scripts, fonts or CDNs) that asks for a
/// viewer token once and reads the coverage API with it.
///
/// - `GET /`  getDashboard  anyone (the page holds no data; the API it calls needs the token)
struct DashboardController {
    let services: Services
    /// Inline script and style only, API calls to this origin only.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
        + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func register(_ routes: inout Routes) {
        routes.open(.get, "/", getDashboard)
    }

    @Sendable func getDashboard(_ request: HTTPRequest, _ parameters: RouteParameters) async throws -> HTTPResponse {
        let body = Array((EmbeddedResources.files["dashboard.html"] ?? "").utf8)
        return EntityTag.respond(
            to: request, body: body, contentType: "text/html; charset=utf-8",
            extraHeaders: [
                "Cache-Control": "no-cache", "Content-Security-Policy": Self.contentSecurityPolicy,
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            ])
    }
}
