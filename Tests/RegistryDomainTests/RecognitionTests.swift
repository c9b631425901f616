import RegistryDomain
import Testing

@Suite struct RecognitionTests {
    @Test func validDraftBecomesRecognition() throws {
        let draft = Recognition.Draft(kind: "demonstration_base", level: "provincial", year: 2024, title: "质量强省示范基地")
        let recognition = try Recognition.validated(draft, id: 2, uscc: .fixture(), today: date("2025-03-01"))
        #expect(recognition.kind == .demonstrationBase)
        #expect(recognition.level == .provincial)
        #expect(recognition.year == 2024)
    }

    @Test(arguments: [
        (Recognition.Draft(), ["kind", "level", "year", "title"], ["required", "required", "required", "required"]),
        (
            .init(kind: "award", level: "county", year: 2026, title: "t"), ["kind", "level", "year"],
            ["unknown", "unknown", "range"]
        ),
        (
            .init(kind: "exemplary_case", level: "city", year: 1999, title: " "), ["year", "title"],
            ["range", "required"]
        ),
    ])
    func invalidDraftsReportEveryField(draft: Recognition.Draft, fields: [String], codes: [String]) throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try Recognition.validated(draft, id: 1, uscc: .fixture(), today: date("2025-03-01"))
        }
        #expect(failure.violations.map(\.field) == fields)
        #expect(failure.violations.map(\.code) == codes)
    }
}
