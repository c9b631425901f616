import HTTPServer

/// Liveness, readiness and the contract; none needs a token, and the probes are never rate-limited.
///
/// - `GET /healthz`       getHealth     the process answers
/// - `GET /readyz`        getReadiness  the database answers and every migration is applied
/// - `GET /openapi.yaml`  getOpenAPI    the contract
struct HealthController {
    let services: Services
    static let okBody = Array(#"{"status":"ok"}"#.utf8)
    static let healthResponse = HTTPResponse(
        status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"], bytes: okBody)

    func register(_ routes: inout Routes) {
        routes.open(.get, "/healthz", limited: false) { _, _ in Self.healthResponse }
        routes.open(.get, "/readyz", limited: false, getReadiness)
        routes.open(.get, "/openapi.yaml", getOpenAPI)
    }

    @Sendable func getReadiness(_ request: HTTPRequest, _ parameters: RouteParameters) async throws -> HTTPResponse {
        guard services.isReady() else {
            throw Problem(
                .serviceUnavailable, type: ProblemType.unavailable,
                detail: "the database does not answer, has pending migrations, or the coverage index is loading")
        }
        return HTTPResponse(
            status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"],
            bytes: Array(#"{"status":"ready"}"#.utf8))
    }

    @Sendable func getOpenAPI(_ request: HTTPRequest, _ parameters: RouteParameters) async throws -> HTTPResponse {
        let body = Array((EmbeddedResources.files["openapi.yaml"] ?? "").utf8)
        return EntityTag.respond(to: request, body: body, contentType: "application/yaml")
    }
}
