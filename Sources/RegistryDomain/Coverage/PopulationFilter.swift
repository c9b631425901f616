/// Which enterprises a coverage query or target is about: each field set narrows the population; nil means any.
///
/// A coverage target's `population` uses `sizeClass`, `aboveScale` and `manufacturing` (API.md); a coverage
/// query may also narrow by `industry` (a GB/T 4754 code prefix) and `sector`.
public struct PopulationFilter: Hashable, Sendable {
    public var sizeClass: SizeClass?
    public var aboveScale: Bool?
    /// Manufacturing (制造业) means an industry code in section C.
    public var manufacturing: Bool?
    /// A GB/T 4754 code prefix: `C`, `C38`, `C385`, `C3857`.
    public var industry: IndustryCode?
    public var sector: Sector?

    public init(
        sizeClass: SizeClass? = nil, aboveScale: Bool? = nil, manufacturing: Bool? = nil,
        industry: IndustryCode? = nil, sector: Sector? = nil
    ) {
        self.sizeClass = sizeClass
        self.aboveScale = aboveScale
        self.manufacturing = manufacturing
        self.industry = industry
        self.sector = sector
    }

    /// No narrowing: every enterprise.
    public static let everyone = PopulationFilter()

    /// Whether `enterprise` passes every field that is set.
    public func matches(_ enterprise: Enterprise) -> Bool {
        if let sizeClass, enterprise.sizeClass != sizeClass { return false }
        if let aboveScale, enterprise.aboveScale != aboveScale { return false }
        if let manufacturing, enterprise.industryCode.isManufacturing != manufacturing { return false }
        if let industry, !enterprise.industryCode.value.hasPrefix(industry.value) { return false }
        if let sector, enterprise.sector != sector { return false }
        return true
    }

    /// Whether every enterprise that `other` admits is certainly admitted by `self`, judged from the filters
    /// alone (never from data), so that the answer is the same for any roster:
    ///
    /// - `sizeClass`, `aboveScale`, `sector`: unset here, or set to the same value in `other`;
    /// - `industry`: unset here, or `other.industry` starts with it;
    /// - `manufacturing = m`: unset here, or `other.manufacturing == m`, or `other.industry` is
    ///   (m = true) / is not (m = false) in section C.
    ///
    /// This is how "the population filter contains the group" of DOMAIN.md is read: the group's filter is the
    /// query's filter narrowed by the group key (see `CoverageGrouping.narrowing`).
    public func contains(_ other: PopulationFilter) -> Bool {
        if let sizeClass, other.sizeClass != sizeClass { return false }
        if let aboveScale, other.aboveScale != aboveScale { return false }
        if let sector, other.sector != sector { return false }
        if let industry {
            guard let narrower = other.industry, narrower.value.hasPrefix(industry.value) else { return false }
        }
        if let manufacturing {
            let known = other.manufacturing ?? other.industry.map(\.isManufacturing)
            if known != manufacturing { return false }
        }
        return true
    }

    /// How many fields are set.
    public var specificity: Int {
        [sizeClass != nil, aboveScale != nil, manufacturing != nil, industry != nil, sector != nil].filter { $0 }.count
    }
}
