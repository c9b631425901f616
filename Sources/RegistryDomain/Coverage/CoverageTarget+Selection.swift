extension CoverageTarget {
    /// Whether this target applies to a group with `scope` in a query of `metric` counting `roles`:
    /// same metric, same counted roles, its region a prefix of the group's region ("contains the queried
    /// region"), and its population filter containing the group's (`PopulationFilter.contains`).
    ///
    /// Examples: a target `{size_class: large}` applies to group `large` of `group_by=size_class`, and to the
    /// whole answer of a query filtered `size_class=large`; a target with no filter applies to anything; a target
    /// `{manufacturing: true}` applies when the query filters `manufacturing=true`, or `industry=C…`, or to a
    /// `group_by=industry` group whose key starts with `C`.
    public func applies(to scope: CoverageGroupScope, metric: CoverageMetric, roles: Set<Role>) -> Bool {
        self.metric == metric && self.roles == roles && covers(scope)
    }

    /// The scope half of `applies`: its region a prefix of the group's, its population filter containing the group's.
    func covers(_ scope: CoverageGroupScope) -> Bool {
        regionCode.contains(scope.region) && population.contains(scope.population)
    }

    /// The target that applies to a group (DOMAIN.md "The target that applies to a group"): among those that
    /// apply, the one with the earliest deadline on or after `asOf`; if none is still ahead, the one with the
    /// latest deadline. Ties go to the longest region prefix, then the lowest id (so the choice is deterministic).
    public static func applicable(
        among targets: [CoverageTarget], to scope: CoverageGroupScope, metric: CoverageMetric, roles: Set<Role>,
        asOf: CivilDate
    ) -> CoverageTarget? {
        applicable(among: targets.filter { $0.metric == metric && $0.roles == roles }, to: scope, asOf: asOf)
    }

    /// `applicable(among:to:metric:roles:asOf:)` among targets already known to count the query's metric and roles
    /// (a report compares those once, then asks for each of its groups).
    static func applicable(among eligible: [CoverageTarget], to scope: CoverageGroupScope, asOf: CivilDate)
        -> CoverageTarget?
    {
        // One pass, no intermediate arrays: a by-town answer asks this for hundreds of groups.
        var best: Int?
        var bestIsAhead = false
        for index in eligible.indices where eligible[index].covers(scope) {
            let isAhead = eligible[index].deadline >= asOf
            if let current = best {
                if bestIsAhead && !isAhead { continue }
                if bestIsAhead == isAhead && !eligible[index].isPreferred(over: eligible[current], ahead: isAhead) {
                    continue
                }
            }
            best = index
            bestIsAhead = isAhead
        }
        return best.map { eligible[$0] }
    }

    /// Between two applicable targets on the same side of the as-of date: the earlier deadline when ahead, the later
    /// when passed; then the longer region prefix; then the lower id.
    func isPreferred(over other: CoverageTarget, ahead: Bool) -> Bool {
        if deadline != other.deadline { return ahead ? deadline < other.deadline : deadline > other.deadline }
        let length = regionCode.value.utf8.count
        let otherLength = other.regionCode.value.utf8.count
        if length != otherLength { return length > otherLength }
        return id < other.id
    }
}
