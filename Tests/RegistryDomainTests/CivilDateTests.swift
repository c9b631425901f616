import RegistryDomain
import Testing

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29), ("1970-01-01", 1970, 1, 1),
        ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31), ("2025-04-30", 2025, 4, 30),
    ])
    func realDaysParse(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try #require(CivilDate(text))
        #expect((parsed.year, parsed.month, parsed.day) == (year, month, day))
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "", "2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "0000-01-01",
        "2025-1-01", "2025/01/01", "20250101", "2025-01-01T00:00:00Z", " 2025-01-01", "2025-01-0a", "+025-01-01",
        "２０２５-01-01",
    ])
    func otherTextsAreNotDates(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test(arguments: [(2024, true), (2023, false), (2000, true), (1900, false), (2100, false), (2400, true)])
    func leapYearsFollowTheGregorianRule(year: Int, leap: Bool) {
        #expect(CivilDate.isLeap(year) == leap)
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2025-03-01", 20_148),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func daysSinceEpochAreCounted(text: String, days: Int) {
        #expect(date(text).daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date(text))
    }

    @Test(arguments: propertySeeds)
    func daysSinceEpochRoundTripsAndOrdersLikeDates(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let days = Int.random(in: -719_162...2_932_896, using: &random)
            let day = CivilDate(daysSinceEpoch: days)
            #expect(day.daysSinceEpoch == days)
            #expect(CivilDate(day.description) == day)
            #expect(day.adding(days: 1) > day)
            #expect(day.days(until: day.adding(days: 40)) == 40)
        }
    }

    @Test(arguments: [
        ("2024-02-10", "2024-02-29"), ("2023-02-10", "2023-02-28"), ("2025-04-01", "2025-04-30"),
        ("2025-12-31", "2025-12-31"), ("2025-01-31", "2025-01-31"),
    ])
    func endOfMonthIsItsLastDay(text: String, end: String) {
        #expect(date(text).endOfMonth == date(end))
        #expect(date(text).startOfMonth.day == 1)
    }

    @Test(
        arguments: [(nil, "2025-01-01", true), ("2025-01-02", "2025-01-01", true), ("2025-01-01", "2025-01-01", false)]
            as [(String?, String, Bool)])
    func enterpriseLeavesOnItsDeregistrationDate(deregistered: String?, on day: String, active: Bool) {
        #expect(Enterprise.fixture(deregisteredOn: deregistered).isActive(on: date(day)) == active)
    }
}
