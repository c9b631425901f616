import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// People and personal data (DOMAIN.md "Personal data"): whole for admins and regulators in scope and for the
/// person's own enterprise, masked for everyone else; every whole read by an admin or regulator is audited.
@Suite struct PersonAPITests {
    typealias Lifecycle = AppointmentLifecycleTests
    static let idNumber = ResidentIDNumber.fixture(1)

    @Test func aRegulatorSeesPersonalDataWholeAndTheReadIsAudited() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let read = try await actors.regulator.get("/v1/appointments/\(id)")
            let person = try #require(read.json["person"] as? [String: Any])
            #expect(person["id_number"] as? String == Self.idNumber)
            #expect(person["phone"] as? String == "13812345678")
            let personID = try #require(read.json["person_id"] as? Int)
            let page = try await actors.regulator.get("/v1/people/\(personID)")
            #expect(page.status == 200)
            #expect(page.json["id_number"] as? String == Self.idNumber)
            #expect((page.json["appointments"] as? [[String: Any]])?.first?["id"] as? Int == id)

            let admin = try await server.client("admin", region: "44")
            let audit = try await admin.get(
                "/v1/audit-events?action=person.read_personal_data&resource=person/\(personID)")
            let entries = try #require(audit.json["data"] as? [[String: Any]])
            #expect(entries.count >= 2)
            #expect(
                entries.allSatisfy {
                    $0["actor_role"] as? String == "regulator" && ($0["request_id"] as? String)?.isEmpty == false
                })
            #expect(!audit.text.contains(Self.idNumber))
        }
    }

    @Test func aTrainerSeesMaskedDataAndNoEmail() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let trainer = try await server.client("trainer")
            let read = try await trainer.get("/v1/appointments/\(id)")
            #expect(read.status == 200)
            let person = try #require(read.json["person"] as? [String: Any])
            #expect(person["id_number"] as? String == "442***********" + String(Self.idNumber.suffix(4)))
            #expect(person["phone"] as? String == "138****5678")
            #expect(person["email"] is NSNull)
            #expect(!read.text.contains(Self.idNumber))
            let personID = try #require(read.json["person_id"] as? Int)
            let page = try await trainer.get("/v1/people/\(personID)")
            #expect(page.json["phone"] as? String == "138****5678")
            let admin = try await server.client("admin", region: "44")
            let audit = try await admin.get("/v1/audit-events?action=person.read_personal_data")
            #expect(
                (audit.json["data"] as? [Any])?.isEmpty == true,
                "the company's own reads and masked reads are not audited")
        }
    }

    @Test func aPersonIsFoundOnlyThroughAnAppointmentInScope() async throws {
        try await withTestServer { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let read = try await actors.company.get("/v1/appointments/\(id)")
            #expect((read.json["person"] as? [String: Any])?["id_number"] as? String == Self.idNumber)
            let personID = try #require(read.json["person_id"] as? Int)
            #expect(try await actors.company.get("/v1/people/\(personID)").status == 200)
            let shenzhen = try await server.client("regulator", region: "4403")
            #expect(try await shenzhen.get("/v1/people/\(personID)").status == 404)
            #expect(try await shenzhen.get("/v1/appointments/\(id)").status == 404)
            #expect(try await actors.regulator.get("/v1/people/999").status == 404)
            let viewer = try await server.client("viewer", region: "4420")
            #expect(try await viewer.get("/v1/people/\(personID)").status == 403)
        }
    }
}
