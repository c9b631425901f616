import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// Quality-safety direct reports (001 §(十一)): filed by an enterprise with a registered CQO, acknowledged and
/// closed by the bureau, private between enterprises.
@Suite struct DirectReportAPITests {
    typealias Lifecycle = AppointmentLifecycleTests
    static let report = #"{"subject":"原料批次异常","body":"发现一批原料检测不合格，已封存。","severity":"high"}"#

    /// The lifecycle's enterprise with its CQO registered today.
    static func registeredCQO(_ server: TestServer) async throws -> Lifecycle.Actors {
        let actors = try await Lifecycle.actors(server)
        let id = try await Lifecycle.file(actors.company)
        #expect(try await actors.regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)
        return actors
    }

    @Test func aReportIsFiledAcknowledgedAndClosedWithEveryStepInItsHistory() async throws {
        try await withTestServer { server in
            let actors = try await Self.registeredCQO(server)
            let filed = try await actors.company.post("/v1/reports", json: Self.report)
            #expect(filed.status == 201, "\(filed.text)")
            let id = try #require(filed.json["id"] as? Int)
            #expect(filed[header: "location"] == "/v1/reports/\(id)")
            #expect(filed.json["status"] as? String == "open")
            #expect(filed.json["uscc"] as? String == Lifecycle.uscc)
            #expect(filed.json["acknowledged_at"] is NSNull)
            let etag = try #require(filed[header: "etag"])
            #expect(try await actors.company.get("/v1/reports/\(id)", headers: ["If-None-Match": etag]).status == 304)

            let early = try await actors.regulator.post("/v1/reports/\(id)/close", json: #"{"note":"已处理"}"#)
            #expect(early.status == 409)
            #expect((early.json["detail"] as? String)?.contains("open") == true)
            #expect(try await actors.company.post("/v1/reports/\(id)/acknowledge", json: "{}").status == 403)

            let acknowledged = try await actors.regulator.post("/v1/reports/\(id)/acknowledge", json: "{}")
            #expect(acknowledged.status == 200, "\(acknowledged.text)")
            #expect(acknowledged.json["status"] as? String == "acknowledged")
            #expect(acknowledged.json["acknowledged_at"] as? String == "2025-06-30T08:00:00.000Z")
            #expect(try await actors.regulator.post("/v1/reports/\(id)/close", json: "{}").status == 422)
            let closed = try await actors.regulator.post(
                "/v1/reports/\(id)/close", json: #"{"note":"已约谈企业，问题批次已销毁"}"#)
            #expect(closed.status == 200)
            #expect(closed.json["status"] as? String == "closed")
            let again = try await actors.regulator.post("/v1/reports/\(id)/acknowledge", json: "{}")
            #expect(again.status == 409)
            #expect((again.json["detail"] as? String)?.contains("closed") == true)

            let read = try await actors.company.get("/v1/reports/\(id)")
            let history = try #require(read.json["history"] as? [[String: Any]])
            #expect(history.map { $0["to"] as? String } == ["open", "acknowledged", "closed"])
            #expect(history.map { $0["from"] as? String } == [nil, "open", "acknowledged"])
            #expect(history.last?["note"] as? String == "已约谈企业，问题批次已销毁")
            #expect((history.last?["actor"] as? String)?.hasSuffix("(regulator)") == true)

            let events = try await actors.regulator.get("/v1/events")
            let kinds = (events.json["data"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(
                kinds.filter { $0.hasPrefix("direct_report.") } == [
                    "direct_report.filed", "direct_report.acknowledged", "direct_report.closed",
                ])
            let audit = try await server.client("admin", region: "44")
            let entries = try await audit.get("/v1/audit-events?resource=direct_report/\(id)")
            #expect((entries.json["data"] as? [[String: Any]])?.count == 3, "\(entries.text)")
        }
    }

    @Test func anotherEnterprisesReportIsNotFoundAndNotListed() async throws {
        try await withTestServer { server in
            let actors = try await Self.registeredCQO(server)
            let other = Enterprise.fixture(2, region: "442000101001")
            try await server.seed([other])
            let stranger = try await server.client("enterprise", uscc: other.uscc.value)
            let id = try #require(try await actors.company.post("/v1/reports", json: Self.report).json["id"] as? Int)
            #expect(try await stranger.get("/v1/reports/\(id)").status == 404)
            #expect(try await stranger.get("/v1/reports/\(id)/attachment").status == 404)
            let theirs = try await stranger.get("/v1/reports")
            #expect((theirs.json["data"] as? [Any])?.isEmpty == true)
            let asked = try await stranger.get("/v1/reports?uscc=\(Lifecycle.uscc)")
            #expect((asked.json["data"] as? [Any])?.isEmpty == true)
            let elsewhere = try await server.client("regulator", region: "4403")
            #expect(try await elsewhere.get("/v1/reports/\(id)").status == 404)
            #expect(try await elsewhere.post("/v1/reports/\(id)/acknowledge", json: "{}").status == 404)
            #expect((try await elsewhere.get("/v1/reports").json["data"] as? [Any])?.isEmpty == true)
            #expect((try await actors.company.get("/v1/reports").json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func filingIsRefusedWithoutACQORegisteredToday() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let none = try await actors.company.post("/v1/reports", json: Self.report)
            #expect(none.status == 409)
            #expect((none.json["detail"] as? String)?.contains("no CQO filing") == true, "\(none.text)")
            _ = try await Lifecycle.file(actors.company)
            let pending = try await actors.company.post("/v1/reports", json: Self.report)
            #expect(pending.status == 409)
            #expect((pending.json["detail"] as? String)?.contains("submitted") == true, "\(pending.text)")
            let invalid = try await actors.company.post("/v1/reports", json: #"{"subject":"","severity":"urgent"}"#)
            #expect(invalid.status == 422)
            let fields = (invalid.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields == ["subject", "body", "severity"])
            #expect(try await actors.regulator.post("/v1/reports", json: Self.report).status == 403)
        }
    }

    @Test func anAttachmentIsCheckedByItsBytesAndKeptWithItsSHA256() async throws {
        try await withTestServer { server in
            let actors = try await Self.registeredCQO(server)
            let pdf = Array("%PDF-1.7\n检测报告\n%%EOF\n".utf8)
            let encoded = Data(pdf).base64EncodedString()
            let body =
                #"{"subject":"s","body":"b","severity":"low","attachment":{"content_type":"application/pdf","content_base64":"\#(encoded)"}}"#
            let filed = try await actors.company.post("/v1/reports", json: body)
            #expect(filed.status == 201, "\(filed.text)")
            let attachment = try #require(filed.json["attachment"] as? [String: Any])
            let sha = try #require(attachment["sha256"] as? String)
            #expect(sha.count == 64)
            #expect(attachment["size"] as? Int == pdf.count)
            let href = try #require(attachment["href"] as? String)
            let download = try await actors.regulator.get(href)
            #expect(download.status == 200)
            #expect(download.body == pdf)
            #expect(download[header: "content-type"] == "application/pdf")
            #expect(download[header: "x-content-sha256"] == sha)

            let lying = body.replacingOccurrences(of: "application/pdf", with: "image/png")
            #expect(try await actors.company.post("/v1/reports", json: lying).status == 415)
            let broken = body.replacingOccurrences(of: encoded, with: "not base64!")
            #expect(try await actors.company.post("/v1/reports", json: broken).status == 422)
            let plain = try #require(try await actors.company.post("/v1/reports", json: Self.report).json["id"] as? Int)
            #expect(try await actors.company.get("/v1/reports/\(plain)/attachment").status == 404)
        }
    }

    @Test func reportsAreListedByStatusSeverityAndDateFiled() async throws {
        try await withTestServer { server in
            let actors = try await Self.registeredCQO(server)
            for severity in ["low", "critical", "critical"] {
                let body = Self.report.replacingOccurrences(of: "high", with: severity)
                #expect(try await actors.company.post("/v1/reports", json: body).status == 201)
            }
            _ = try await actors.regulator.post("/v1/reports/1/acknowledge", json: "{}")
            func count(_ query: String) async throws -> Int? {
                (try await actors.regulator.get("/v1/reports?\(query)").json["data"] as? [Any])?.count
            }
            #expect(try await count("severity=critical") == 2)
            #expect(try await count("status=acknowledged") == 1)
            #expect(try await count("status=open&severity=critical") == 2)
            #expect(try await count("from=2025-06-30&to=2025-06-30") == 3)
            #expect(try await count("to=2025-06-29") == 0)
            #expect(try await count("region=442000101") == 0)
            let first = try await actors.regulator.get("/v1/reports?limit=2")
            let next = try #require(first.json["next_cursor"] as? String)
            #expect(
                (try await actors.regulator.get("/v1/reports?limit=2&cursor=\(next)").json["data"] as? [Any])?.count
                    == 1)
            #expect(try await actors.regulator.get("/v1/reports?severity=urgent").status == 422)
        }
    }
}
