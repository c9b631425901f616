import RegistryDomain
import Testing

@Suite struct MonthEndsTests {
    @Test(arguments: [
        ("2024-01-15", "2024-04-30", ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]),
        ("2024-01-31", "2024-03-30", ["2024-01-31", "2024-02-29"]),
        ("2023-12-01", "2024-01-30", ["2023-12-31"]),
        ("2025-02-01", "2025-02-28", ["2025-02-28"]),
        ("2025-02-01", "2025-02-27", []),
        ("2025-03-01", "2025-01-01", []),
    ])
    func trendPointsAreTheMonthEndsWithinTheRange(from: String, to: String, ends: [String]) {
        #expect(CivilDate.monthEnds(from: date(from), through: date(to)) == ends.map(date))
    }

    @Test func aDecadeHasOneHundredTwentyMonthEnds() {
        let ends = CivilDate.monthEnds(from: date("2020-01-01"), through: date("2029-12-31"))
        #expect(ends.count == 120)
        #expect(ends.allSatisfy { $0 == $0.endOfMonth })
    }
}
