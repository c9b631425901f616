import RegistryDomain
import Testing

@Suite struct InstantTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1_740_817_800_000, "2025-03-01T08:30:00Z"),
        (1_740_817_800_123, "2025-03-01T08:30:00.123Z"),
        (1_740_817_800_007, "2025-03-01T08:30:00.007Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_000, "2000-02-29T00:00:00Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func formatsAsRFC3339UTCWithMillisecondsOnlyWhenPresent(milliseconds: Int64, text: String) {
        let instant = Instant(millisecondsSinceEpoch: milliseconds)
        #expect(instant.description == text)
        #expect(Instant(rfc3339: text) == instant)
    }

    @Test(arguments: [
        ("2025-03-01T16:30:00+08:00", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30:00.1Z", "2025-03-01T08:30:00.100Z"),
        ("2025-03-01T08:30:00.123456789Z", "2025-03-01T08:30:00.123Z"),  // truncated to milliseconds
        ("2025-03-01t08:30:00z", "2025-03-01T08:30:00Z"),
        ("2025-03-01T00:30:00-05:30", "2025-03-01T06:00:00Z"),
        ("2025-01-01T01:00:00+02:00", "2024-12-31T23:00:00Z"),
    ])
    func parsesOffsetsFractionsAndLowercase(text: String, utc: String) throws {
        #expect(try #require(Instant(rfc3339: text)).description == utc)
    }

    @Test(arguments: [
        "", "2025-03-01", "2025-03-01T08:30:00", "2025-03-01 08:30:00Z", "2025-02-30T08:30:00Z",
        "2025-03-01T24:00:00Z", "2025-03-01T08:60:00Z", "2025-03-01T08:30:60Z", "2025-03-01T08:30:00.Z",
        "2025-03-01T08:30:00+0800", "2025-03-01T08:30:00+24:00", "2025-03-01T08:30:00ZZ", "2025-03-01T8:30:00Z",
    ])
    func rejectsWhatIsNotRFC3339(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test(arguments: [
        ("2025-02-28T15:59:59.999Z", "2025-02-28"),
        ("2025-02-28T16:00:00Z", "2025-03-01"),  // midnight in Beijing
        ("1969-12-31T16:00:00Z", "1970-01-01"),
        ("1969-12-31T15:59:59Z", "1969-12-31"),
    ])
    func civilDateIsTakenInChinaStandardTime(text: String, day: String) throws {
        #expect(try #require(Instant(rfc3339: text)).civilDateInChina == date(day))
    }

    @Test(arguments: propertySeeds)
    func formattingAndParsingRoundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let instant = Instant(
                millisecondsSinceEpoch: Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &random))
            let text = instant.description
            #expect(Instant(rfc3339: text) == instant, "\(text)")
            let utcDay = instant.civilDate(offsetMilliseconds: 0)
            #expect(text.hasPrefix(utcDay.description))
            #expect(
                instant.civilDateInChina == instant.adding(milliseconds: 8 * 3_600_000).civilDate(offsetMilliseconds: 0)
            )
        }
    }
}
