import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// Supervision actions (001 §(十三)): regulators only; an `exit` removes the appointment on `occurred_on`.
@Suite struct SupervisionAPITests {
    typealias Lifecycle = AppointmentLifecycleTests

    static func registered(_ actors: Lifecycle.Actors) async throws -> Int {
        let id = try await Lifecycle.file(actors.company)
        #expect(
            try await actors.regulator.post("/v1/appointments/\(id)/register", json: #"{"registered_on":"2025-03-10"}"#)
                .status == 200)
        return id
    }

    @Test func aWarningIsRecordedAndAnExitRemovesTheAppointment() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Self.registered(actors)
            let path = "/v1/appointments/\(id)/supervision-actions"
            let warning = try await actors.regulator.post(
                path, json: #"{"kind":"warning","reason":"未履行质量安全直报职责","occurred_on":"2025-05-01"}"#)
            #expect(warning.status == 201, "\(warning.text)")
            #expect(warning.json["kind"] as? String == "warning")
            #expect(try await actors.regulator.get("/v1/appointments/\(id)").json["status"] as? String == "registered")

            let exit = try await actors.regulator.post(
                path, json: #"{"kind":"exit","reason":"严重失职","occurred_on":"2025-06-01"}"#)
            #expect(exit.status == 201)
            let removed = try await actors.regulator.get("/v1/appointments/\(id)")
            #expect(removed.json["status"] as? String == "removed")
            #expect(removed.json["ended_on"] as? String == "2025-06-01")
            #expect((removed.json["history"] as? [[String: Any]])?.last?["reason"] as? String == "严重失职")

            let again = try await actors.regulator.post(
                path, json: #"{"kind":"exit","reason":"x","occurred_on":"2025-06-02"}"#)
            #expect(again.status == 409)
            let exits = try await actors.regulator.get("/v1/supervision-actions?kind=exit")
            #expect((exits.json["data"] as? [[String: Any]])?.map { $0["appointment_id"] as? Int } == [id])
            let all = try await actors.regulator.get("/v1/supervision-actions?appointment_id=\(id)&from=2025-01-01")
            #expect((all.json["data"] as? [Any])?.count == 2)
            let feed = try await actors.regulator.get("/v1/events")
            let kinds = ((feed.json["data"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
            #expect(
                kinds.suffix(3) == [
                    "appointment.supervision_action", "appointment.supervision_action", "appointment.removed",
                ])
        }
    }

    @Test func badActionsAreRefusedAndOnlyRegulatorsInScopeAct() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Self.registered(actors)
            let path = "/v1/appointments/\(id)/supervision-actions"
            let bad = try await actors.regulator.post(path, json: #"{"kind":"fine","occurred_on":"2025-01-01"}"#)
            #expect(bad.status == 422)
            let fields = Set(((bad.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["kind", "reason"])
            let early = try await actors.regulator.post(
                path, json: #"{"kind":"warning","reason":"x","occurred_on":"2025-01-01"}"#)
            #expect(early.status == 422, "not before registered_on")
            let warning = #"{"kind":"warning","reason":"x","occurred_on":"2025-06-01"}"#
            #expect(try await actors.company.post(path, json: warning).status == 403)
            let shenzhen = try await server.client("regulator", region: "4403")
            #expect(try await shenzhen.post(path, json: warning).status == 404)
            #expect((try await shenzhen.get("/v1/supervision-actions").json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aRepeatedActionWithTheSameKeyIsRecordedOnce() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Self.registered(actors)
            let path = "/v1/appointments/\(id)/supervision-actions"
            let body = #"{"kind":"interview","reason":"约谈","occurred_on":"2025-06-01"}"#
            let first = try await actors.regulator.post(path, json: body, headers: ["Idempotency-Key": "s-1"])
            let again = try await actors.regulator.post(path, json: body, headers: ["Idempotency-Key": "s-1"])
            #expect(first.status == 201)
            #expect(again.body == first.body)
            let list = try await actors.regulator.get("/v1/supervision-actions?appointment_id=\(id)")
            #expect((list.json["data"] as? [Any])?.count == 1)
        }
    }
}
