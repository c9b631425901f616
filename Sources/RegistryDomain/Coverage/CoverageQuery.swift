/// A coverage question (API.md `GET /v1/coverage`): for `region` as of `asOf`, by `metric`, counting `roles`,
/// within `population`, optionally split by `groupBy`.
public struct CoverageQuery: Hashable, Sendable {
    public var region: RegionCode
    public var asOf: CivilDate
    public var metric: CoverageMetric
    /// The roles whose appointments count. The default is `cqo` only (DOMAIN.md). A target applies only when
    /// its `roles` are exactly these.
    public var roles: Set<Role>
    public var groupBy: CoverageGrouping?
    public var population: PopulationFilter

    public init(
        region: RegionCode, asOf: CivilDate, metric: CoverageMetric = .appointment,
        roles: Set<Role> = CoverageTarget.defaultRoles, groupBy: CoverageGrouping? = nil,
        population: PopulationFilter = .everyone
    ) {
        self.region = region
        self.asOf = asOf
        self.metric = metric
        self.roles = roles
        self.groupBy = groupBy
        self.population = population
    }

    /// The same query on another date (for a trend).
    public func asOf(_ date: CivilDate) -> CoverageQuery {
        var query = self
        query.asOf = date
        return query
    }

    /// What all members of the group with `key` (nil: the whole answer) are known to satisfy: a region and a
    /// population filter. Target selection matches against this scope.
    public func scope(ofGroup key: String?) -> CoverageGroupScope {
        guard let key, let groupBy else { return CoverageGroupScope(region: region, population: population) }
        if groupBy == .region, let groupRegion = try? RegionCode(key) {
            return CoverageGroupScope(region: groupRegion, population: population)
        }
        return CoverageGroupScope(region: region, population: groupBy.narrowing(population, toKey: key))
    }
}

/// The region and population filter that every member of a coverage group is known to fall within.
public struct CoverageGroupScope: Hashable, Sendable {
    public var region: RegionCode
    public var population: PopulationFilter

    public init(region: RegionCode, population: PopulationFilter) {
        self.region = region
        self.population = population
    }
}
