import RegistryDomain
import Testing

@Suite struct RegionTests {
    private func code(_ text: String) throws -> RegionCode { try RegionCode(text) }

    @Test func aNameGoesUnderTheGivenParentOrTheDefault() throws {
        let given = try Region.validated(
            .init(name: " 小榄镇 ", parentCode: "4420"), code: try code("442000100"), defaultParent: nil)
        #expect(given == Region(code: try code("442000100"), name: "小榄镇", parentCode: try code("4420")))
        let defaulted = try Region.validated(
            .init(name: "中山市"), code: try code("4420"), defaultParent: try code("44"))
        #expect(defaulted.parentCode == (try code("44")))
    }

    @Test(arguments: [
        (Region.Draft(), ["name"], ["required"]),
        (
            .init(name: String(repeating: "镇", count: 101), parentCode: "4403"), ["name", "parent_code"],
            ["length", "not_prefix"]
        ),
        (.init(name: "x", parentCode: "442000100"), ["parent_code"], ["not_prefix"]),
        (.init(name: "x", parentCode: "44x"), ["parent_code"], ["format"]),
    ])
    func invalidDraftsReportEveryField(draft: Region.Draft, fields: [String], codes: [String]) throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try Region.validated(draft, code: try code("442000100"), defaultParent: nil)
        }
        #expect(failure.violations.map(\.field) == fields)
        #expect(failure.violations.map(\.code) == codes)
    }
}

@Suite struct RegionCommonPrefixTests {
    @Test(
        arguments: [
            (["442000100001", "442000105001"], "44200010"),
            (["442000100001"], "442000100001"),
            (["4420", "442000100001"], "4420"),
            (["4420", "4403"], "44"),
            (["4420", "3406"], nil),
        ] as [([String], String?)])
    func theCommonPrefixIsTheLongestRegionHoldingEveryCode(codes: [String], prefix: String?) throws {
        let regions = try codes.map { try RegionCode($0) }
        #expect(RegionCode.commonPrefix(of: regions)?.value == prefix)
        #expect(RegionCode.commonPrefix(of: []) == nil)
    }
}
