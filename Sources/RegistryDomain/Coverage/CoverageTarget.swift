/// A coverage target (覆盖率目标): by `deadline`, at least `ratio` of the `population` within `regionCode` is
/// covered by `metric`, counting appointments of `roles` (DOMAIN.md "Coverage targets"; 001 §(四); 004 §2; 003 §2).
public struct CoverageTarget: Hashable, Sendable, Identifiable {
    /// Roles counted when a target does not say: `cqo` only (DOMAIN.md).
    public static let defaultRoles: Set<Role> = [.cqo]

    public var id: Int64
    /// The jurisdiction prefix the target is set for.
    public var regionCode: RegionCode
    public var metric: CoverageMetric
    public var roles: Set<Role>
    public var population: PopulationFilter
    /// The last day by which the ratio is to be reached ("by end of 2025" is 2025-12-31).
    public var deadline: CivilDate
    public var ratio: CoverageRatio

    public init(
        id: Int64, regionCode: RegionCode, metric: CoverageMetric = .appointment,
        roles: Set<Role> = CoverageTarget.defaultRoles, population: PopulationFilter = .everyone,
        deadline: CivilDate, ratio: CoverageRatio
    ) {
        self.id = id
        self.regionCode = regionCode
        self.metric = metric
        self.roles = roles
        self.population = population
        self.deadline = deadline
        self.ratio = ratio
    }

    /// The number of enterprises that must be covered among `total`: ⌈ratio × total⌉.
    public func required(of total: Int) -> Int { ratio.required(of: total) }
}
