import RegistryDomain
import Testing

@Suite struct EnterpriseClassificationTests {
    @Test(arguments: [
        (1_000, Int64(400_000_000), SizeClass.large),
        (999, 400_000_000, .medium),
        (1_000, 399_999_999, .medium),
        (100_000, 399_999_999, .medium),  // both thresholds are required
        (999, 4_000_000_000, .medium),
        (300, 20_000_000, .medium),
        (299, 20_000_000, .small),
        (300, 19_999_999, .small),
        (20, 3_000_000, .small),
        (19, 3_000_000, .micro),
        (20, 2_999_999, .micro),
        (0, 0, .micro),
        (5_000, 0, .micro),
    ])
    func sizeClassNeedsBothThresholds(employees: Int, revenue: Int64, sizeClass: SizeClass) {
        #expect(SizeClass.derived(employees: employees, revenueCNY: revenue) == sizeClass)
    }

    @Test(arguments: [(Int64(19_999_999), false), (20_000_000, true), (20_000_001, true), (0, false)])
    func aboveScaleStartsAtTwentyMillion(revenue: Int64, aboveScale: Bool) {
        #expect(AboveScale.derived(revenueCNY: revenue) == aboveScale)
    }

    @Test(arguments: [
        ("C", true), ("C38", true), ("C385", true), ("C3857", true), ("A", false), ("T9700", false),
    ])
    func industryCodesAndPrefixesAreAccepted(text: String, manufacturing: Bool) throws {
        #expect(try IndustryCode(text).isManufacturing == manufacturing)
    }

    @Test(arguments: ["", "C3", "C38571", "c3857", "U01", "Z", "3857", "C38A7", "C 38"])
    func malformedIndustryCodesAreRefused(text: String) throws {
        let failure = try #require(throws: ValidationFailure.self) { try IndustryCode(text) }
        #expect(failure.violations.map(\.code) == ["format"])
        #expect(failure.violations.map(\.field) == ["industry_code"])
    }

    @Test(arguments: ["4", "44", "4420", "442000", "442000100", "442000100001"])
    func regionCodesAreOneToTwelveDigits(text: String) throws {
        #expect(try RegionCode(text).value == text)
    }

    @Test(arguments: ["", "4420001000011", "44a0", " 44", "４４"])
    func malformedRegionCodesAreRefused(text: String) {
        #expect(throws: ValidationFailure.self) { try RegionCode(text) }
    }

    @Test(arguments: [
        ("44", "442000100", true), ("4420", "4420", true), ("4420", "4419", false), ("442000", "4420", false),
        ("44", "4", false),
    ])
    func regionsContainWhatTheyPrefix(outer: String, inner: String, contains: Bool) {
        #expect(region(outer).contains(region(inner)) == contains)
    }

    @Test(arguments: SizeClass.allCases)
    func sizeClassWireNamesAreTheGlossarys(sizeClass: SizeClass) {
        #expect(["large", "medium", "small", "micro"].contains(sizeClass.rawValue))
    }
}
