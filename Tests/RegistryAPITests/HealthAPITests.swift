import Foundation
import RegistryTesting
import Testing

@Suite struct HealthAPITests {
    @Test func probesAnswerWithoutAToken() async throws {
        try await withTestServer { server in
            let health = try await server.anonymous.get("/healthz")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "ok")
            #expect(try await server.anonymous.get("/readyz").status == 200)
        }
    }

    @Test func theContractIsServed() async throws {
        try await withTestServer { server in
            let reply = try await server.anonymous.get("/openapi.yaml")
            #expect(reply.status == 200)
            #expect(reply.text.hasPrefix("openapi: 3.1"))
            #expect(reply[header: "etag"] != nil)
        }
    }

    @Test(arguments: [("abc-123_x.y:z", true), (String(repeating: "a", count: 129), false), ("bad id", false)])
    func aValidRequestIdIsEchoedAndAnInvalidOneReplaced(id: String, echoed: Bool) async throws {
        try await withTestServer { server in
            let reply = try await server.anonymous.get("/healthz", headers: ["X-Request-Id": id])
            let answered = try #require(reply[header: "x-request-id"])
            #expect((answered == id) == echoed)
            #expect(!answered.isEmpty)
        }
    }
}
