/// An enterprise (企业) on the city's roster, identified by its USCC. Never deleted; deregistered by date.
public struct Enterprise: Hashable, Sendable {
    public var uscc: USCC
    public var name: String
    public var regionCode: RegionCode
    public var sizeClass: SizeClass
    public var aboveScale: Bool
    public var industryCode: IndustryCode
    public var sector: Sector
    public var employees: Int?
    public var revenueCNY: Int64?
    public var registeredOn: CivilDate?
    public var deregisteredOn: CivilDate?

    public init(
        uscc: USCC, name: String, regionCode: RegionCode, sizeClass: SizeClass, aboveScale: Bool,
        industryCode: IndustryCode, sector: Sector, employees: Int? = nil, revenueCNY: Int64? = nil,
        registeredOn: CivilDate? = nil, deregisteredOn: CivilDate? = nil
    ) {
        self.uscc = uscc
        self.name = name
        self.regionCode = regionCode
        self.sizeClass = sizeClass
        self.aboveScale = aboveScale
        self.industryCode = industryCode
        self.sector = sector
        self.employees = employees
        self.revenueCNY = revenueCNY
        self.registeredOn = registeredOn
        self.deregisteredOn = deregisteredOn
    }

    /// Whether the enterprise is on the roster (not deregistered) on `date`: it leaves on its deregistration date.
    public func isActive(on date: CivilDate) -> Bool {
        guard let deregisteredOn else { return true }
        return date < deregisteredOn
    }
}
