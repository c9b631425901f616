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
        self.metric == metric && self.roles == roles && regionCode.contains(scope.region)
            && population.contains(scope.population)
    }

    /// The target that applies to a group (DOMAIN.md "The target that applies to a group"): among those that
    /// apply, the one with the earliest deadline on or after `asOf`; if none is still ahead, the one with the
    /// latest deadline. Ties go to the longest region prefix, then the lowest id (so the choice is deterministic).
    public static func applicable(
        among targets: [CoverageTarget], to scope: CoverageGroupScope, metric: CoverageMetric, roles: Set<Role>,
        asOf: CivilDate
    ) -> CoverageTarget? {
        let candidates = targets.filter { $0.applies(to: scope, metric: metric, roles: roles) }
        let ahead = candidates.filter { $0.deadline >= asOf }
        let pool = ahead.isEmpty ? candidates : ahead
        return pool.min { lhs, rhs in
            if lhs.deadline != rhs.deadline {
                return ahead.isEmpty ? lhs.deadline > rhs.deadline : lhs.deadline < rhs.deadline
            }
            if lhs.regionCode.value.count != rhs.regionCode.value.count {
                return lhs.regionCode.value.count > rhs.regionCode.value.count
            }
            return lhs.id < rhs.id
        }
    }
}
