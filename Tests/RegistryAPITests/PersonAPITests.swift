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
        try await withTestRouter { server in
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
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let trainer = try await server.client("trainer")
            let read = try await trainer.get("/v1/appointments/\(id)")
            #expect(read.status == 200)
            let person = try #require(read.json["person"] as? [String: Any])
            #expect(person["id_number"] as? String == "442***********" + String(Self.idNumber.suffix(4)))
            #expect(person["phone"] as? String == "138****5678")
            #expect(person["email"] is NSNull)
            #expect(person["name"] as? String == "张*明", "a name is personal data too (DOMAIN.md)")
            #expect(!read.text.contains(Self.idNumber) && !read.text.contains("张三明"))
            let personID = try #require(read.json["person_id"] as? Int)
            let page = try await trainer.get("/v1/people/\(personID)")
            #expect(page.json["phone"] as? String == "138****5678")
            #expect(page.json["name"] as? String == "张*明")
            let admin = try await server.client("admin", region: "44")
            let audit = try await admin.get("/v1/audit-events?action=person.read_personal_data")
            #expect(
                (audit.json["data"] as? [Any])?.isEmpty == true,
                "the company's own reads and masked reads are not audited")
        }
    }

    /// One person (one ID number) filed by enterprises in two regions: each filing keeps the details it was filed
    /// with, so an enterprise in Shenzhen cannot rewrite what Zhongshan filed, nor read what Zhongshan files later.
    @Test func aFilingsPersonDetailsAreItsOwnAcrossEnterprises() async throws {
        try await withTestRouter { server in
            let zhongshan = Enterprise.fixture(1, region: "442000100001")
            let shenzhen = Enterprise.fixture(2, region: "440300100001")
            try await server.seed([zhongshan, shenzhen])
            let a = try await server.client("enterprise", uscc: zhongshan.uscc.value)
            let b = try await server.client("enterprise", uscc: shenzhen.uscc.value)
            let regulator = try await server.client("regulator", region: "4420")
            let filed = try await a.post(
                "/v1/enterprises/\(zhongshan.uscc.value)/appointments", json: FilingFixture.json())
            let id = try #require(filed.json["id"] as? Int)
            let other = try await b.post(
                "/v1/enterprises/\(shenzhen.uscc.value)/appointments",
                json: FilingFixture.json(name: "冒名顶替", phone: "13900000000"))
            let otherID = try #require(other.json["id"] as? Int)
            let province = try await server.client("regulator", region: "44")
            let personID = try #require(try await province.get("/v1/appointments/\(id)").json["person_id"] as? Int)
            #expect(
                try await province.get("/v1/appointments/\(otherID)").json["person_id"] as? Int == personID,
                "one person per ID number")
            #expect(filed.json["person_id"] is NSNull && other.json["person_id"] is NSNull, "not shown to enterprises")

            let read = try #require(try await regulator.get("/v1/appointments/\(id)").json["person"] as? [String: Any])
            #expect(read["name"] as? String == "张三明")
            #expect(read["phone"] as? String == "13812345678")
            let page = try await regulator.get("/v1/people/\(personID)")
            #expect(page.json["name"] as? String == "张三明")
            #expect(page.json["phone"] as? String == "13812345678")

            let refiled = try await a.post(
                "/v1/enterprises/\(zhongshan.uscc.value)/appointments",
                json: FilingFixture.json(role: "safety_officer", phone: "13711112222"))
            #expect(refiled.status == 201)
            let seen = try #require(try await b.get("/v1/appointments/\(otherID)").json["person"] as? [String: Any])
            #expect(seen["phone"] as? String == "13900000000")
            let own = try await b.get("/v1/people/\(personID)")
            #expect(own.json["phone"] as? String == "13900000000")
            #expect(!own.text.contains("13711112222") && !own.text.contains("张三明"))
            #expect(try await regulator.get("/v1/people/\(personID)").json["phone"] as? String == "13711112222")

            // A filing without an e-mail shows none, not another enterprise's.
            let noEmail = FilingFixture.json(role: "safety_officer", phone: "13900000000")
                .replacingOccurrences(of: #","email":"cqo1@example.com""#, with: "")
            let bare = try await b.post("/v1/enterprises/\(shenzhen.uscc.value)/appointments", json: noEmail)
            #expect(bare.status == 201, "\(bare.text)")
            let bareID = try #require(bare.json["id"] as? Int)
            let shown = try #require(try await b.get("/v1/appointments/\(bareID)").json["person"] as? [String: Any])
            #expect(shown["email"] is NSNull)
        }
    }

    @Test func aPersonIsFoundOnlyThroughAnAppointmentInScope() async throws {
        try await withTestRouter { server in
            let actors = try await Lifecycle.actors(server)
            let id = try await Lifecycle.file(actors.company)
            let read = try await actors.company.get("/v1/appointments/\(id)")
            #expect((read.json["person"] as? [String: Any])?["id_number"] as? String == Self.idNumber)
            #expect(read.json["person_id"] is NSNull)
            let personID = try #require(
                try await actors.regulator.get("/v1/appointments/\(id)").json["person_id"] as? Int)
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

extension PersonAPITests {
    /// A regulator reading a list of appointments writes one audit entry naming every person shown, in the region
    /// their filings share, not one entry per row.
    @Test func aListOfAppointmentsIsOnePersonalDataReadNamingThePeople() async throws {
        try await withTestRouter { server in
            let enterprises = (1...3).map { Enterprise.fixture($0, region: "44200010000\($0)") }
            try await server.seed(enterprises)
            let regulator = try await server.client("regulator", region: "4420")
            var people: [Int] = []
            for (index, enterprise) in enterprises.enumerated() {
                let filed = try await regulator.post(
                    "/v1/enterprises/\(enterprise.uscc.value)/appointments", json: FilingFixture.json(person: index + 1)
                )
                people.append(try #require(filed.json["person_id"] as? Int))
            }
            let admin = try await server.client("admin", region: "44")
            let before = try await admin.get("/v1/audit-events?action=person.read_personal_data")
            let counted = (before.json["data"] as? [Any])?.count ?? 0
            #expect(try await regulator.get("/v1/appointments").status == 200)
            let after = try await admin.get("/v1/audit-events?action=person.read_personal_data")
            let entries = (after.json["data"] as? [[String: Any]]) ?? []
            #expect(entries.count == counted + 1, "one entry for the whole list")
            let last = try #require(entries.last)
            #expect(last["resource"] as? String == "people/" + people.sorted().map(String.init).joined(separator: ","))
            #expect(last["region_code"] as? String == "44200010000")
        }
    }
}

extension PersonAPITests {
    /// An enterprise that files someone else's ID number under another name cannot change what regulators see of
    /// that person: the details shown are the latest registered filing's; nor does its answer tell it whether the
    /// ID number was filed anywhere before (no registry-wide person id for enterprises).
    @Test func anUnregisteredFilingCannotRewriteAPersonsDetails() async throws {
        try await withTestRouter { server in
            let real = Enterprise.fixture(1, region: "442000100001")
            let impostor = Enterprise.fixture(2, region: "442000105001")
            try await server.seed([real, impostor])
            let regulator = try await server.client("regulator", region: "4420")
            let filed = try await regulator.post(
                "/v1/enterprises/\(real.uscc.value)/appointments", json: FilingFixture.json())
            let id = try #require(filed.json["id"] as? Int)
            let personID = try #require(filed.json["person_id"] as? Int)
            #expect(try await regulator.post("/v1/appointments/\(id)/register", json: "{}").status == 200)

            let company = try await server.client("enterprise", uscc: impostor.uscc.value)
            let spoof = try await company.post(
                "/v1/enterprises/\(impostor.uscc.value)/appointments",
                json: FilingFixture.json(name: "冒名顶替", phone: "13900000000"))
            #expect(spoof.status == 201)
            #expect(spoof.json["person_id"] is NSNull)
            let fresh = try await company.post(
                "/v1/enterprises/\(impostor.uscc.value)/appointments",
                json: FilingFixture.json(person: 77, name: "新人"))
            #expect(fresh.json["person_id"] is NSNull, "a new person and a known one answer alike")

            let page = try await regulator.get("/v1/people/\(personID)")
            #expect(page.json["name"] as? String == "张三明")
            #expect(page.json["phone"] as? String == "13812345678")
            #expect((page.json["appointments"] as? [Any])?.count == 2, "the impostor's filing is listed, not shown")
        }
    }
}
