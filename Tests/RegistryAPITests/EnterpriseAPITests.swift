import Foundation
import RegistryDomain
import RegistryTesting
import Testing

@Suite struct EnterpriseAPITests {
    static let body = """
        {"uscc":"\(USCC.fixture(7).value)","name":"中山市华兴电器有限公司","region_code":"442000100001","size_class":"medium",
         "above_scale":true,"industry_code":"C3857","sector":"product","employees":420,"revenue_cny":56000000,"registered_on":"2015-03-01"}
        """

    @Test func anEnterpriseIsCreatedReadAndListed() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let created = try await client.post("/v1/enterprises", json: Self.body)
            #expect(created.status == 201)
            #expect(created[header: "location"] == "/v1/enterprises/\(USCC.fixture(7).value)")
            #expect(created.json["covered"] as? Bool == false)
            let etag = try #require(created[header: "etag"])
            #expect(created.json["etag"] as? String == etag)

            let read = try await client.get("/v1/enterprises/\(USCC.fixture(7).value)")
            #expect(read.status == 200)
            #expect(read[header: "etag"] == etag)
            #expect(read.json["name"] as? String == "中山市华兴电器有限公司")
            #expect(read[header: "x-request-id"]?.isEmpty == false)

            let notModified = try await client.get(
                "/v1/enterprises/\(USCC.fixture(7).value)", headers: ["If-None-Match": etag])
            #expect(notModified.status == 304)
            #expect(notModified.body.isEmpty)

            let list = try await client.get("/v1/enterprises?region=44200010&size_class=medium")
            #expect(list.status == 200)
            #expect((list.json["data"] as? [Any])?.count == 1)
            #expect(list.json["next_cursor"] is NSNull)
            #expect(list[header: "link"] == nil)
        }
    }

    @Test func sizeClassAndAboveScaleAreDerivedWhenAbsent() async throws {
        try await withTestServer { server in
            let client = try await server.client("admin", region: "44")
            let reply = try await client.post(
                "/v1/enterprises",
                json:
                    #"{"uscc":"\#(USCC.fixture(8).value)","name":"小企业","region_code":"4420","industry_code":"C3857","sector":"product","employees":25,"revenue_cny":4000000}"#
            )
            #expect(reply.status == 201)
            #expect(reply.json["size_class"] as? String == "small")
            #expect(reply.json["above_scale"] as? Bool == false)
        }
    }

    @Test(arguments: [
        ("91442000MA4UJ6R97Y", "checksum"), ("91442000MA4UJ6R97", "length"), ("91442000MA4UJ6R9IX", "charset"),
    ])
    func aBadUSCCIsAValidationProblemNamingTheField(uscc: String, code: String) async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let reply = try await client.post(
                "/v1/enterprises",
                json:
                    #"{"uscc":"\#(uscc)","name":"x","region_code":"4420","size_class":"small","above_scale":false,"industry_code":"C3857","sector":"product"}"#
            )
            #expect(reply.status == 422)
            #expect(reply[header: "content-type"] == "application/problem+json")
            let errors = try #require(reply.json["errors"] as? [[String: Any]])
            #expect(errors.contains { $0["field"] as? String == "uscc" && $0["code"] as? String == code })
        }
    }

    @Test func malformedJSONIsA400AndWrongMediaTypeA415() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let malformed = try await client.post("/v1/enterprises", json: #"{"uscc": "#)
            #expect(malformed.status == 400)
            #expect(malformed.json["type"] as? String != nil)
            let wrongType = try await client.send(
                "POST", "/v1/enterprises", headers: ["Content-Type": "text/plain"], body: Array("hi".utf8))
            #expect(wrongType.status == 415)
            #expect(wrongType[header: "accept-patch"] == nil)
            try await server.seed([Enterprise.fixture(1)])
            let wrongPatch = try await client.send(
                "PATCH", "/v1/enterprises/\(Enterprise.fixture(1).uscc.value)", headers: ["Content-Type": "text/plain"],
                body: Array("hi".utf8))
            #expect(wrongPatch.status == 415)
            #expect(wrongPatch[header: "accept-patch"] == "application/merge-patch+json, application/json")
        }
    }

    @Test func readOnlyAndUnknownFieldsAreRefusedNotIgnored() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let body = Self.body.dropLast() + #","covered":true,"owner":"me"}"#
            let reply = try await client.post("/v1/enterprises", json: String(body))
            #expect(reply.status == 422)
            let errors = try #require(reply.json["errors"] as? [[String: Any]])
            #expect(errors.contains { $0["field"] as? String == "covered" && $0["code"] as? String == "read_only" })
            #expect(errors.contains { $0["field"] as? String == "owner" && $0["code"] as? String == "unknown" })
        }
    }

    @Test func aPatchNeedsIfMatchAndAppliesAMergePatch() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let created = try await client.post("/v1/enterprises", json: Self.body)
            let etag = try #require(created[header: "etag"])
            let path = "/v1/enterprises/\(USCC.fixture(7).value)"
            #expect(try await client.patch(path, json: #"{"name":"新名字"}"#).status == 428)
            #expect(
                try await client.patch(path, json: #"{"name":"新名字"}"#, headers: ["If-Match": "\"stale\""]).status == 412
            )
            let patched = try await client.patch(
                path, json: #"{"name":"新名字","employees":null}"#, headers: ["If-Match": etag])
            #expect(patched.status == 200)
            #expect(patched.json["name"] as? String == "新名字")
            #expect(patched.json["employees"] is NSNull)
            #expect(patched[header: "etag"] != etag)
            let again = try await client.patch(path, json: #"{"name":"第三个"}"#, headers: ["If-Match": etag])
            #expect(again.status == 412)
            let renamed = try await client.patch(
                path, json: #"{"uscc":"\#(USCC.fixture(9).value)"}"#,
                headers: ["If-Match": try #require(patched[header: "etag"])])
            #expect(renamed.status == 422)
        }
    }

    /// A client that takes gzip gets its own tag for the gzipped list (RFC 9110 §8.8.3) and can use that tag, and
    /// the coded form of any tag, in conditional requests.
    @Test func gzipCodedTagsWorkInConditionalRequests() async throws {
        try await withTestServer { server in
            try await server.seed((1...30).map { Enterprise.fixture($0) })
            let client = try await server.client("regulator", region: "4420")
            let gzip = ["Accept-Encoding": "gzip"]
            let plain = try await client.get("/v1/enterprises?region=4420")
            let coded = try await client.get("/v1/enterprises?region=4420", headers: gzip)
            #expect(coded[header: "content-encoding"] == "gzip")
            let plainTag = try #require(plain[header: "etag"])
            #expect(coded[header: "etag"] == String(plainTag.dropLast()) + "-gzip\"")
            let revalidated = try await client.get(
                "/v1/enterprises?region=4420",
                headers: gzip.merging(["If-None-Match": coded[header: "etag"] ?? ""]) { $1 })
            #expect(revalidated.status == 304)
            #expect(revalidated[header: "etag"] == coded[header: "etag"])

            let path = "/v1/enterprises/\(Enterprise.fixture(1).uscc.value)"
            let etag = try #require(try await client.get(path)[header: "etag"])
            let patched = try await client.patch(
                path, json: #"{"name":"新名字"}"#, headers: ["If-Match": String(etag.dropLast()) + "-gzip\""])
            #expect(patched.status == 200)
        }
    }

    @Test func pagesCoverEveryEnterpriseOnceEvenWhenRowsArriveBetweenPages() async throws {
        try await withTestServer { server in
            try await server.seed((1...25).map { Enterprise.fixture($0 * 2) })
            let client = try await server.client("admin", region: "44")
            var seen: [String] = []
            var path = "/v1/enterprises?limit=10&region=4420"
            var inserted = false
            while true {
                let page = try await client.get(path)
                #expect(page.status == 200)
                let data = try #require(page.json["data"] as? [[String: Any]])
                seen += data.compactMap { $0["uscc"] as? String }
                if !inserted {
                    // Rows that sort before and after the cursor arrive between pages.
                    try await server.seed([.fixture(1), .fixture(99)])
                    inserted = true
                }
                guard let link = page[header: "link"] else {
                    #expect(page.json["next_cursor"] is NSNull)
                    break
                }
                #expect(link.hasSuffix(#">; rel="next""#))
                #expect(link.contains("region=4420"))
                path = String(link.dropFirst().prefix { $0 != ">" })
            }
            #expect(Set(seen).count == seen.count)
            #expect(Set((1...25).map { USCC.fixture($0 * 2).value }).isSubset(of: Set(seen)))
            #expect(seen.contains(USCC.fixture(99).value))
        }
    }

    @Test func unknownPathsAre404AndWrongMethods405WithAllow() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            #expect(try await client.get("/v1/nothing-here").status == 404)
            #expect(try await client.get("/v1/enterprises/\(USCC.fixture(123).value)").status == 404)
            let wrong = try await client.delete("/v1/enterprises/\(USCC.fixture(123).value)")
            #expect(wrong.status == 405)
            #expect(wrong[header: "allow"]?.contains("PATCH") == true)
            #expect(wrong[header: "allow"]?.contains("GET") == true)
        }
    }

    @Test func listFiltersAreValidatedByName() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let reply = try await client.get("/v1/enterprises?size_class=huge&limit=0&colour=red")
            #expect(reply.status == 422)
            let fields = Set((reply.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["size_class", "limit", "colour"])
        }
    }
}
