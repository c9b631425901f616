import Foundation
import HTTPServer
import RegistryDomain
import RegistryTesting
import Synchronization
import Testing

@testable import RegistryAPI

/// Roster CSV import (`POST /v1/enterprises/import`) and export (`GET /v1/enterprises/export`).
@Suite struct RosterAPITests {
    static let header = "uscc,name,region_code,size_class,above_scale,industry_code,sector"

    static func line(_ serial: Int, name: String = "中山市测试电器有限公司", region: String = "442000100001") -> String {
        "\(USCC.fixture(serial).value),\(name),\(region),small,false,C3857,product"
    }

    static func upload(_ client: TestClient, _ text: String, query: String = "", contentType: String = "text/csv")
        async throws -> TestReply
    {
        try await upload(client, Array(text.utf8), query: query, contentType: contentType)
    }

    static func upload(_ client: TestClient, _ bytes: [UInt8], query: String = "", contentType: String = "text/csv")
        async throws -> TestReply
    {
        try await client.send(
            "POST", "/v1/enterprises/import\(query)", headers: ["Content-Type": contentType], body: bytes)
    }

    static func count(_ server: TestServer) throws -> Int {
        var query = EnterpriseQuery(day: CivilDate(daysSinceEpoch: 20_000))
        query.limit = 500
        return try server.database.registry.read { try $0.enterprises(query) }.count
    }

    @Test func aGoodFileIsImportedAndReimportingItChangesNothing() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let csv = "\u{FEFF}" + ([Self.header] + (1...3).map { Self.line($0) }).joined(separator: "\r\n") + "\r\n"
            let first = try await Self.upload(client, csv)
            #expect(first.status == 200, "\(first.text)")
            #expect(first.json["created"] as? Int == 3)
            #expect(first.json["lines"] as? Int == 3)
            let again = try await Self.upload(client, csv)
            #expect(again.json["created"] as? Int == 0)
            #expect(again.json["updated"] as? Int == 3)
            #expect(try Self.count(server) == 3)
        }
    }

    @Test(arguments: [
        ("\(USCC.fixture(1).value.dropLast())0,名,442000100001,small,false,C3857,product", "uscc", "checksum"),
        ("\(USCC.fixture(1).value),名,442000100001,small,false", "", "columns"),
        ("\(USCC.fixture(1).value),名,442000100001,small,maybe,C3857,product", "above_scale", "type"),
        ("\(USCC.fixture(1).value),名,442000100001,huge,false,C3857,product", "size_class", ""),
        ("\(USCC.fixture(1).value),名,440300100001,small,false,C3857,product", "region_code", "out_of_scope"),
        ("\(USCC.fixture(2).value),名,442000100001,small,false,C3857,product", "uscc", "duplicate"),
        ("\(USCC.fixture(1).value),\"名,442000100001,small,false,C3857,product", "", "csv"),
    ])
    func eachKindOfBadLineRejectsTheFileNamingItsLine(bad: String, field: String, code: String) async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let csv = [Self.header, Self.line(2), bad].joined(separator: "\n") + "\n"
            let reply = try await Self.upload(client, csv)
            #expect(reply.status == 422, "\(reply.text)")
            let errors = try #require(reply.json["errors"] as? [[String: Any]])
            #expect(
                errors.contains { error in
                    error["line"] as? Int == 3 && (field.isEmpty || error["field"] as? String == field)
                        && (code.isEmpty || error["code"] as? String == code)
                }, "\(reply.text)")
            #expect(try Self.count(server) == 0, "a rejected import writes nothing")
        }
    }

    @Test func anUnknownColumnIsNamedOnTheHeaderLine() async throws {
        try await withTestServer { server in
            let client = try await server.client("admin", region: "44")
            let reply = try await Self.upload(client, Self.header + ",colour\n" + Self.line(1) + ",red\n")
            #expect(reply.status == 422)
            let error = (reply.json["errors"] as? [[String: Any]])?.first
            #expect(error?["field"] as? String == "colour")
            #expect(error?["line"] as? Int == 1)
        }
    }

    @Test func aGB18030FileIsDetectedOrDeclared() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let text = [Self.header, Self.line(1, name: "中山市华兴电器有限公司")].joined(separator: "\r\n") + "\r\n"
            let bytes = try #require(Self.gb18030(text))
            #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture really is not UTF-8")
            let detected = try await Self.upload(client, bytes, query: "?dry_run=true")
            #expect(detected.status == 200, "\(detected.text)")
            let declared = try await Self.upload(client, bytes, contentType: "text/csv; charset=gb18030")
            #expect(declared.status == 200)
            let read = try await client.get("/v1/enterprises/\(USCC.fixture(1).value)")
            #expect(read.json["name"] as? String == "中山市华兴电器有限公司")
        }
    }

    @Test func aDryRunWritesNothingAndSkipInvalidWritesTheGoodLines() async throws {
        try await withTestServer { server in
            let client = try await server.client("regulator", region: "4420")
            let csv = [Self.header, Self.line(1), "bad,line,1,small,false,C3857,product", Self.line(2)].joined(
                separator: "\n")
            let dry = try await Self.upload(client, csv, query: "?dry_run=true&skip_invalid=true")
            #expect(dry.status == 200)
            #expect(dry.json["dry_run"] as? Bool == true)
            #expect(dry.json["created"] as? Int == 2)
            #expect(try Self.count(server) == 0)
            let skipped = try await Self.upload(client, csv, query: "?skip_invalid=true")
            #expect(skipped.status == 200)
            #expect(skipped.json["created"] as? Int == 2)
            #expect(skipped.json["invalid"] as? Int == 1)
            #expect(((skipped.json["errors"] as? [[String: Any]]) ?? []).allSatisfy { $0["line"] as? Int == 3 })
            #expect(try Self.count(server) == 2)
        }
    }

    /// An import may not take over an enterprise that is on the roster outside the importer's region by giving its
    /// USCC a region inside: the line is refused (or skipped), and a move inside the region is announced to both.
    @Test func anImportCannotMoveAnotherRegionsEnterpriseIntoItsOwn() async throws {
        try await withTestServer { server in
            let shenzhen = Enterprise.fixture(1, region: "440300100001")
            let zhongshan = Enterprise.fixture(2, region: "442000100001")
            try await server.seed([shenzhen, zhongshan])
            let regulator = try await server.client("regulator", region: "4420")
            let takeover = [
                Self.header, "\(shenzhen.uscc.value),中山市接管公司,442000100002,small,false,C3857,product",
                "\(zhongshan.uscc.value),中山市测试电器有限公司,442000200001,small,false,C3857,product",
            ].joined(separator: "\n")
            for query in ["", "?dry_run=true"] {
                let refused = try await Self.upload(regulator, takeover, query: query)
                #expect(refused.status == 422, "\(refused.text)")
                #expect(refused.text.contains("\"line\":2") && refused.text.contains("out_of_scope"))
            }
            let stored = try server.database.registry.read {
                try $0.enterprise(shenzhen.uscc, on: CivilDate(daysSinceEpoch: 20_000))
            }
            #expect(stored?.enterprise.regionCode.value == "440300100001")
            #expect(stored?.enterprise.name == shenzhen.name)

            let skipped = try await Self.upload(regulator, takeover, query: "?skip_invalid=true")
            #expect(skipped.status == 200, "\(skipped.text)")
            #expect(skipped.json["updated"] as? Int == 1)
            #expect(skipped.json["invalid"] as? Int == 1)
            let unchanged = try server.database.registry.read {
                try $0.enterprise(shenzhen.uscc, on: CivilDate(daysSinceEpoch: 20_000))
            }
            #expect(unchanged?.enterprise.name == shenzhen.name)
        }
    }

    /// Collects a streamed body, running `between` once, after the first piece (the header) is written.
    final class PausingWriter: HTTPBodyWriter {
        let between: @Sendable () async throws -> Void
        let state = Mutex((bytes: [UInt8](), pieces: 0))
        init(between: @escaping @Sendable () async throws -> Void) { self.between = between }

        func write(_ bytes: [UInt8]) async throws {
            let pieces = state.withLock { state in
                state.bytes += bytes
                state.pieces += 1
                return state.pieces
            }
            if pieces == 1 { try await between() }
        }

        var text: String { state.withLock { String(decoding: $0.bytes, as: UTF8.self) } }
    }

    /// An export that is still streaming when the roster changes shows the roster as it was when it began, on every
    /// page (the change lands between the header and the first of three pages).
    @Test func anExportIsOneStateOfTheRosterWhateverChangesWhileItStreams() async throws {
        try await withTestServer { server in
            let count = RosterExport.pageSize * 2 + 100
            try await server.seed((1...count).map { Enterprise.fixture($0) })
            let renamed = Enterprise.fixture(count, name: "中山市改名后电器有限公司")
            let added = Enterprise.fixture(count + 1)
            let query = EnterpriseQuery(day: CivilDate(daysSinceEpoch: 20_000))
            let writer = PausingWriter { try await server.seed([renamed, added]) }
            try await RosterExport.stream(query, snapshot: try server.database.registry.snapshot()).produce(writer)
            let lines = writer.text.split(separator: "\r\n")
            #expect(lines.count == count + 1)
            #expect(!writer.text.contains(renamed.name))
            #expect(!writer.text.contains(added.uscc.value))
            let after = try await server.client("regulator", region: "4420").get("/v1/enterprises/export")
            let text = String(decoding: after.body, as: UTF8.self)
            #expect(text.contains(renamed.name) && text.contains(added.uscc.value))
        }
    }

    @Test func theExportStreamsTheFilteredRosterAsExcelReadyCSV() async throws {
        try await withTestServer { server in
            let inside = Enterprise.fixture(1, region: "442000100001", name: "=HYPERLINK(\"x\")")
            let other = Enterprise.fixture(2, region: "442000100002", sizeClass: .medium, name: "中山市\"引号\",公司")
            try await server.seed([inside, other, Enterprise.fixture(3, region: "440300100001")])
            let regulator = try await server.client("regulator", region: "4420")
            let reply = try await regulator.get("/v1/enterprises/export")
            #expect(reply.status == 200)
            #expect(reply[header: "content-type"] == "text/csv; charset=utf-8")
            #expect(reply[header: "transfer-encoding"] == "chunked")
            #expect(Array(reply.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: reply.body.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
            #expect(lines.first?.hasSuffix(",covered") == true)
            #expect(lines.count == 3)
            #expect(lines[1].contains("'=HYPERLINK"))
            #expect(lines[2].contains("\"中山市\"\"引号\"\",公司\""))
            let etag = try #require(reply[header: "etag"])
            #expect(try await regulator.get("/v1/enterprises/export", headers: ["If-None-Match": etag]).status == 304)
            let medium = try await regulator.get("/v1/enterprises/export?size_class=medium")
            #expect(medium[header: "etag"] != etag)
            #expect(String(decoding: medium.body, as: UTF8.self).split(separator: "\r\n").count == 2)
            #expect(try await regulator.get("/v1/enterprises/export?limit=5").status == 422)
            let filed = try await regulator.post(
                "/v1/enterprises/\(inside.uscc.value)/appointments", json: FilingFixture.json())
            #expect(filed.status == 201)
            #expect(try await regulator.get("/v1/enterprises/export", headers: ["If-None-Match": etag]).status == 200)
            let company = try await server.client("enterprise", uscc: inside.uscc.value)
            #expect(try await company.get("/v1/enterprises/export").status == 403)
        }
    }

    /// `text` in GB18030, as Excel in China saves it, converted in-process with glibc's iconv (no subprocess
    /// blocking a cooperative thread).
    static func gb18030(_ text: String) -> [UInt8]? {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        return produced.map { Array(output[..<$0]) }
    }
}

extension RosterAPITests {
    /// A roster of 3,000 bad lines answers the first 1,000 errors in line order and counts every one, in total
    /// and by code, instead of a body that grows with the file (1.5 million bad lines made a 1 GB answer).
    @Test func aRejectedImportListsTheFirstThousandErrorsAndCountsAll() async throws {
        try await withTestRouter { server in
            let client = try await server.client("regulator", region: "4420")
            var csv = "uscc,name,region_code,size_class,above_scale,industry_code,sector\n"
            for serial in 0..<3_000 {
                // Even lines: a bad USCC check character; odd lines: a bad size class too.
                let size = serial % 2 == 0 ? "small" : "huge"
                csv += "91442000MA4UJ6R97X,企业\(serial),442000100001,\(size),false,C3857,product\n"
            }
            let reply = try await Self.upload(client, csv)
            #expect(reply.status == 422)
            let errors = try #require(reply.json["errors"] as? [[String: Any]])
            #expect(errors.count == 1_000)
            #expect(errors.first?["line"] as? Int == 2)
            #expect(reply.json["error_total"] as? Int == 4_500)
            let counts = try #require(reply.json["error_counts"] as? [String: Int])
            #expect(counts == ["checksum": 3_000, "enum": 1_500], "\(counts)")
            #expect(reply.body.count < 300_000, "the answer is bounded: \(reply.body.count) bytes")
            #expect((reply.json["detail"] as? String)?.contains("3000 of 3000") == true)
        }
    }
}
