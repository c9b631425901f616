import Foundation
import RegistryAPI
import RegistryDomain
import RegistryTesting
import Testing

/// Training, exams, certificates and the talent pool over the real server (DOMAIN.md "Training, exams, talent pool";
/// "Supervision"). The test clock stands at 2025-06-30.
@Suite struct TrainingAPITests {
    typealias Lifecycle = AppointmentLifecycleTests

    struct Class {
        var actors: Lifecycle.Actors
        var trainer: TestClient
        var appointmentID: Int
        var personID: Int
        var sessionID: Int
    }

    static let session =
        #"{"provider":"广东省质量协会","title":"首席质量官培训班","hours":16,"starts_on":"2025-03-01","ends_on":"2025-03-02","mode":"offline","region_code":"4420"}"#

    /// A registered CQO of Zhongshan and a session in Zhongshan, made by a Zhongshan trainer.
    static func zhongshanClass(_ server: TestServer) async throws -> Class {
        let actors = try await Lifecycle.actors(server)
        let id = try await Lifecycle.file(actors.company)
        let register = try await actors.regulator.post(
            "/v1/appointments/\(id)/register", json: #"{"registered_on":"2025-03-10"}"#)
        #expect(register.status == 200)
        let personID = try #require(register.json["person_id"] as? Int)
        let trainer = try await server.client("trainer", region: "4420")
        let created = try await trainer.post("/v1/training-sessions", json: session)
        #expect(created.status == 201, "\(created.text)")
        let sessionID = try #require(created.json["id"] as? Int)
        #expect(created[header: "location"] == "/v1/training-sessions/\(sessionID)")
        return Class(actors: actors, trainer: trainer, appointmentID: id, personID: personID, sessionID: sessionID)
    }

    static func certificateNumber(_ person: [String: Any]) -> String? {
        ((person["certificates"] as? [[String: Any]])?.last)?["number"] as? String
    }

    /// One CQO's life: filed → attends → fails (59) → passes (60) → certificate → in the pool → publicly valid →
    /// warned → exit → revoked and out of the pool.
    @Test func oneCQOsLifeFromAttendanceToRevocation() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            let attendance = try await c.trainer.send(
                "PUT", "/v1/training-sessions/\(c.sessionID)/attendance", headers: ["Content-Type": "application/json"],
                body: Array(#"[{"person_id":\#(c.personID),"hours":16}]"#.utf8))
            #expect(attendance.status == 200, "\(attendance.text)")
            #expect(attendance.json["attendees"] as? Int == 1)

            let fail = try await c.trainer.post(
                "/v1/exams",
                json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-02","score":59,"session_id":\#(c.sessionID)}"#)
            #expect(fail.status == 201, "\(fail.text)")
            #expect(fail.json["passed"] as? Bool == false)
            #expect(fail.json["certificate"] is NSNull)

            let pass = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-09","score":60}"#)
            #expect(pass.json["passed"] as? Bool == true)
            let certificate = try #require(pass.json["certificate"] as? [String: Any])
            let number = try #require(certificate["number"] as? String)
            #expect(certificate["issued_on"] as? String == "2025-03-09")
            #expect(certificate["expires_on"] as? String == "2028-03-08")
            #expect(number.hasPrefix("CQO-2025-"))

            let pool = try await c.actors.regulator.get("/v1/talent-pool")
            let members = try #require(pool.json["data"] as? [[String: Any]])
            #expect(members.map { $0["person_id"] as? Int } == [c.personID])
            #expect(members.first?["name"] as? String == "张三明", "a regulator in scope sees the name whole")
            let trainerPool = try await c.trainer.get("/v1/talent-pool")
            #expect((trainerPool.json["data"] as? [[String: Any]])?.first?["name"] as? String == "张*明")

            let verified = try await server.anonymous.get("/v1/certificates/\(number)")
            #expect(verified.status == 200)
            #expect(verified.json.keys.sorted() == ["holder_name", "number", "status"])
            #expect(verified.json["status"] as? String == "valid")
            #expect(verified.json["holder_name"] as? String == "张*明")

            let person = try await c.actors.regulator.get("/v1/people/\(c.personID)")
            #expect((person.json["exams"] as? [[String: Any]])?.map { $0["score"] as? Int } == [59, 60])
            #expect((person.json["attendance"] as? [[String: Any]])?.first?["title"] as? String == "首席质量官培训班")
            #expect(Self.certificateNumber(person.json) == number)

            let actions = "/v1/appointments/\(c.appointmentID)/supervision-actions"
            let warning = try await c.actors.regulator.post(
                actions, json: #"{"kind":"warning","reason":"未履行职责","occurred_on":"2025-05-01"}"#)
            #expect(warning.status == 201)
            let exit = try await c.actors.regulator.post(
                actions, json: #"{"kind":"exit","reason":"严重失职","occurred_on":"2025-06-01","serious":true}"#)
            #expect(exit.status == 201, "\(exit.text)")
            #expect(exit.json["serious"] as? Bool == true)

            #expect(try await server.anonymous.get("/v1/certificates/\(number)").json["status"] as? String == "revoked")
            #expect((try await c.actors.regulator.get("/v1/talent-pool").json["data"] as? [Any])?.isEmpty == true)
            let after = try await c.actors.regulator.get("/v1/people/\(c.personID)")
            let held = (after.json["certificates"] as? [[String: Any]])?.first
            #expect(held?["status"] as? String == "revoked")
            #expect(held?["revoked_on"] as? String == "2025-06-01")
            let credit = try #require(after.json["credit_record"] as? [[String: Any]])
            #expect(credit.map { $0["kind"] as? String } == ["exit"])
            let trainerView = try await c.trainer.get("/v1/people/\(c.personID)")
            #expect(trainerView.json["credit_record"] == nil, "the credit record is for regulators only")

            let feed = try await c.actors.regulator.get("/v1/events")
            let kinds = ((feed.json["data"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
            for kind in [
                "training_session.created", "training_session.attendance_replaced", "exam.recorded",
                "certificate.issued", "certificate.revoked",
            ] {
                #expect(kinds.contains(kind), "\(kind) is in the feed")
            }
        }
    }

    @Test func aPassWhileACertificateIsValidIssuesNoSecond() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            let first = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-09","score":90}"#)
            let again = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-04-01","score":95}"#)
            #expect(again.status == 201)
            #expect(again.json["certificate_issued"] as? Bool == false)
            let held = (again.json["certificate"] as? [String: Any])?["number"] as? String
            #expect(held == (first.json["certificate"] as? [String: Any])?["number"] as? String)
            let person = try await c.actors.regulator.get("/v1/people/\(c.personID)")
            #expect((person.json["certificates"] as? [Any])?.count == 1)
        }
    }

    @Test func expiryIsADateAndRenewalNeedsContinuingEducation() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            // A back-filled pass of 2022: the certificate expired on 2025-01-09, before today (2025-06-30).
            let old = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2022-01-10","score":80}"#)
            let expired = try #require((old.json["certificate"] as? [String: Any])?["number"] as? String)
            #expect(
                try await server.anonymous.get("/v1/certificates/\(expired)").json["status"] as? String == "expired")
            #expect(try await c.trainer.post("/v1/certificates/\(expired)/renew", json: "{}").status == 409)

            let pass = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-09","score":80}"#)
            let number = try #require((pass.json["certificate"] as? [String: Any])?["number"] as? String)
            let short = try await c.trainer.post("/v1/certificates/\(number)/renew", json: "{}")
            #expect(short.status == 409, "no hours attended since the issue")
            #expect((short.json["detail"] as? String)?.contains("24") == true)

            // 16 h in the session ending 2025-03-02 is before the issue: it does not count. Two more sessions do.
            for dates in [("2025-04-01", "2025-04-02"), ("2025-05-01", "2025-05-02")] {
                let body = Self.session.replacingOccurrences(of: "2025-03-01", with: dates.0)
                    .replacingOccurrences(of: "2025-03-02", with: dates.1)
                let session = try await c.trainer.post("/v1/training-sessions", json: body)
                let id = try #require(session.json["id"] as? Int)
                let put = try await c.trainer.send(
                    "PUT", "/v1/training-sessions/\(id)/attendance", headers: ["Content-Type": "application/json"],
                    body: Array(#"[{"person_id":\#(c.personID),"hours":12}]"#.utf8))
                #expect(put.status == 200)
            }
            let renewed = try await c.trainer.post("/v1/certificates/\(number)/renew", json: "{}")
            #expect(renewed.status == 200, "\(renewed.text)")
            #expect(renewed.json["expires_on"] as? String == "2031-03-08")
            let renewals = try #require(renewed.json["renewals"] as? [[String: Any]])
            #expect(renewals.map { $0["previous_expires_on"] as? String } == ["2028-03-08"])
            #expect(
                try await c.trainer.post("/v1/certificates/\(number)/renew", json: "{}").status == 409,
                "the hours counted once are spent")
        }
    }

    @Test func attendanceIsRefusedForPeopleNeverFiledAndOutsideTheTrainersRegion() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            let path = "/v1/training-sessions/\(c.sessionID)/attendance"
            let json = ["Content-Type": "application/json"]
            let unknown = try await c.trainer.send(
                "PUT", path, headers: json,
                body: Array(#"[{"person_id":\#(c.personID),"hours":16},{"person_id":999,"hours":4}]"#.utf8))
            #expect(unknown.status == 422)
            let errors = (unknown.json["errors"] as? [[String: Any]]) ?? []
            #expect(errors.map { $0["field"] as? String } == ["[1].person_id"])
            #expect(errors.map { $0["code"] as? String } == ["not_filed"])
            let tooLong = try await c.trainer.send(
                "PUT", path, headers: json, body: Array(#"[{"person_id":\#(c.personID),"hours":17}]"#.utf8))
            #expect(tooLong.status == 422)
            #expect(((tooLong.json["errors"] as? [[String: Any]])?.first)?["field"] as? String == "[0].hours")

            let shenzhen = try await server.client("trainer", region: "4403")
            #expect(try await shenzhen.get("/v1/training-sessions/\(c.sessionID)").status == 404)
            #expect((try await shenzhen.get("/v1/training-sessions").json["data"] as? [Any])?.isEmpty == true)
            let outside = try await shenzhen.post("/v1/training-sessions", json: Self.session)
            #expect(outside.status == 422)
            #expect(((outside.json["errors"] as? [[String: Any]])?.first)?["code"] as? String == "out_of_scope")
            let exam = try await shenzhen.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-09","score":80}"#)
            #expect(exam.status == 422, "a Shenzhen trainer cannot certify a Zhongshan CQO")
            #expect(try await c.actors.company.post("/v1/exams", json: "{}").status == 403)

            // The list replaces the old one and is idempotent; a stale If-Match is refused.
            let once = try await c.trainer.send(
                "PUT", path, headers: json, body: Array(#"[{"person_id":\#(c.personID),"hours":8}]"#.utf8))
            let tag = try #require(once[header: "etag"])
            let stale = try await c.trainer.send(
                "PUT", path, headers: ["Content-Type": "application/json", "If-Match": "\"ts1-r0\""],
                body: Array("[]".utf8))
            #expect(stale.status == 412)
            let read = try await c.trainer.get("/v1/training-sessions/\(c.sessionID)")
            #expect(read[header: "etag"] == tag)
            #expect((read.json["attendance"] as? [[String: Any]])?.first?["hours"] as? Int == 8)
            #expect(
                try await c.trainer.get("/v1/training-sessions/\(c.sessionID)", headers: ["If-None-Match": tag]).status
                    == 304)
        }
    }

    @Test func aMistypedOrUnknownCertificateNumberIsNotFound() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            let pass = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-09","score":80}"#)
            let number = try #require((pass.json["certificate"] as? [String: Any])?["number"] as? String)
            var typo = Array(number)
            typo[typo.count - 2] = typo[typo.count - 2] == "A" ? "B" : "A"
            #expect(try await server.anonymous.get("/v1/certificates/\(String(typo))").status == 404)
            #expect(try await server.anonymous.get("/v1/certificates/CQO-2025-000001").status == 404)
            var generator = SystemRandomNumberGenerator()
            let unknown = try #require(CertificateNumber.random(year: 2025, using: &generator))
            #expect(try await server.anonymous.get("/v1/certificates/\(unknown)").status == 404)
        }
    }

    /// Public verification needs no token but counts against the per-address limit, so numbers cannot be tried at
    /// speed.
    @Test func publicVerificationCountsAgainstThePerAddressLimit() async throws {
        var api = RegistryAPIConfiguration()
        api.rateLimitPerAddress = 3
        api.rateLimitClock = { 1_000 }  // stopped: the bucket never refills during the test
        try await withTestRouter(api: api) { server in
            var statuses: [Int] = []
            for _ in 0..<4 {
                statuses.append(try await server.anonymous.get("/v1/certificates/CQO-2025-000001").status)
            }
            #expect(statuses == [404, 404, 404, 429])
        }
    }

    @Test func examResultsForAClassAreImportedWholeOrNotAtAll() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            let csv = ["Content-Type": "text/csv"]
            let bad =
                "person_id,taken_on,score,session_id\n\(c.personID),2025-03-09,70,\(c.sessionID)\n\(c.personID),2025-02-30,70,\n999,2025-03-09,101,\n"
            let refused = try await c.trainer.send("POST", "/v1/exams/import", headers: csv, body: Array(bad.utf8))
            #expect(refused.status == 422, "\(refused.text)")
            let errors = (refused.json["errors"] as? [[String: Any]]) ?? []
            #expect(Set(errors.compactMap { $0["line"] as? Int }) == [3, 4])
            #expect(errors.contains { $0["line"] as? Int == 4 && $0["field"] as? String == "score" })
            let person = try await c.actors.regulator.get("/v1/people/\(c.personID)")
            #expect((person.json["exams"] as? [Any])?.isEmpty == true, "nothing was written")

            let unfiled = "person_id,taken_on,score\n\(c.personID),2025-03-09,70\n999,2025-03-09,70\n"
            let notFiled = try await c.trainer.send("POST", "/v1/exams/import", headers: csv, body: Array(unfiled.utf8))
            #expect(notFiled.status == 422)
            #expect(((notFiled.json["errors"] as? [[String: Any]])?.first)?["line"] as? Int == 3)

            let good = "score,person_id,taken_on\n55,\(c.personID),2025-03-02\n75,\(c.personID),2025-03-09\n"
            let dry = try await c.trainer.send(
                "POST", "/v1/exams/import?dry_run=true", headers: csv, body: Array(good.utf8))
            #expect(dry.status == 200, "\(dry.text)")
            #expect(dry.json["dry_run"] as? Bool == true)
            #expect(dry.json["certificates_issued"] as? Int == 1)
            #expect(
                (try await c.actors.regulator.get("/v1/people/\(c.personID)").json["exams"] as? [Any])?.isEmpty == true)
            let done = try await c.trainer.send("POST", "/v1/exams/import", headers: csv, body: Array(good.utf8))
            #expect(done.json["recorded"] as? Int == 2)
            let record = try await c.actors.regulator.get("/v1/people/\(c.personID)")
            #expect((record.json["exams"] as? [[String: Any]])?.map { $0["passed"] as? Bool } == [false, true])
            #expect(Self.certificateNumber(record.json) != nil)
        }
    }

    @Test func theTalentPoolFiltersAndExportsCSV() async throws {
        try await withTestRouter { server in
            let c = try await Self.zhongshanClass(server)
            _ = try await c.trainer.post(
                "/v1/exams", json: #"{"person_id":\#(c.personID),"taken_on":"2025-03-09","score":80}"#)
            let soon = try await c.actors.regulator.get("/v1/talent-pool?expiring_before=2028-03-09")
            #expect((soon.json["data"] as? [Any])?.count == 1)
            let later = try await c.actors.regulator.get("/v1/talent-pool?expiring_before=2028-03-08")
            #expect((later.json["data"] as? [Any])?.isEmpty == true)
            #expect(
                (try await c.actors.regulator.get("/v1/talent-pool?industry=C38").json["data"] as? [Any])?.count == 1)
            #expect(
                (try await c.actors.regulator.get("/v1/talent-pool?industry=C39").json["data"] as? [Any])?.isEmpty
                    == true)
            #expect(try await c.actors.regulator.get("/v1/talent-pool?industry=c3").status == 422)
            let own = try await c.actors.company.get("/v1/talent-pool")
            #expect((own.json["data"] as? [Any])?.count == 1)
            let other = try await server.client("regulator", region: "4403")
            #expect((try await other.get("/v1/talent-pool").json["data"] as? [Any])?.isEmpty == true)
            let export = try await c.actors.regulator.get("/v1/talent-pool?format=csv")
            #expect(export[header: "content-type"]?.hasPrefix("text/csv") == true)
            let lines = export.text.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines.first?.contains("certificate_number") == true)
            #expect(lines.last?.contains("张三明") == true)
        }
    }
}
