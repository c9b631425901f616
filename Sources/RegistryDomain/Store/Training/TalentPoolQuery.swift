/// Which talent-pool members a list asks for: people holding a certificate valid on `day`, by their current
/// filing's enterprise (the latest registered one, else the latest).
public struct TalentPoolQuery: Sendable, Hashable {
    public var day: CivilDate
    public var regionPrefixes: [RegionCode] = []
    public var uscc: USCC?
    public var sizeClass: SizeClass?
    /// GB/T 4754 code prefix of the enterprise's industry.
    public var industryPrefix: String?
    /// Certificates expiring before this day.
    public var expiringBefore: CivilDate?
    public var afterPersonID: Int64?
    public var limit = 50

    public init(day: CivilDate) { self.day = day }
}
