/// The reference coverage calculation: brute force over plain arrays, written to be obviously right.
/// It is the oracle the SQL implementation is property-tested against; it is not meant to be fast.
///
/// 1. The population: enterprises for which `CoverageRule.isInPopulation` holds on `asOf`.
/// 2. The units are enterprises. For metric `appointment`, the whole population; covered when
///    `CoverageRule.isCovered`. For metric `training` (003 §2, "100 % of filed CQOs trained"), only the
///    population's enterprises that have an appointment of a counted role registered on `asOf`
///    (`CoverageRule.isCovered`); covered when one of those appointments' persons held a valid certificate on
///    `asOf` (`CoverageRule.isTrained`). Both are judged by dates only, so a past date never changes afterwards.
/// 3. Groups: units keyed by `CoverageGrouping.key` of their enterprise; only keys that occur, sorted (size
///    classes in their order large → micro, above-scale `true` before `false`, other keys as text).
/// 4. Each group, and the whole, gets `CoverageTarget.applicable` for its scope (`CoverageQuery.scope`), its
///    shortfall and whether it is met.
public enum CoverageCalculator {
    public static func report(
        _ query: CoverageQuery, enterprises: [Enterprise], appointments: [Appointment],
        certificates: [Certificate] = [], targets: [CoverageTarget]
    ) -> CoverageReport {
        let units = self.units(query, enterprises: enterprises, appointments: appointments, certificates: certificates)
        func figures(_ key: String?, _ members: [Unit]) -> CoverageFigures {
            let target = CoverageTarget.applicable(
                among: targets, to: query.scope(ofGroup: key), metric: query.metric, roles: query.roles,
                asOf: query.asOf)
            return CoverageFigures(
                key: key, total: members.count, covered: members.filter(\.isCovered).count, target: target)
        }
        var groups: [CoverageFigures] = []
        if let groupBy = query.groupBy {
            let byKey = Dictionary(grouping: units) {
                groupBy.key(of: $0.enterprise, region: query.region, population: query.population)
            }
            groups = byKey.keys.sorted { groupOrder($0, $1, groupBy) }.map { figures($0, byKey[$0] ?? []) }
        }
        return CoverageReport(query: query, groups: groups, total: figures(nil, units))
    }

    /// The same report at each month end from `from` through `to` (API.md `GET /v1/coverage/trend`).
    public static func trend(
        _ query: CoverageQuery, from: CivilDate, through to: CivilDate, enterprises: [Enterprise],
        appointments: [Appointment], certificates: [Certificate] = [], targets: [CoverageTarget]
    ) -> [CoverageReport] {
        CivilDate.monthEnds(from: from, through: to).map {
            report(
                query.asOf($0), enterprises: enterprises, appointments: appointments, certificates: certificates,
                targets: targets)
        }
    }

    /// The worklist (DOMAIN.md "Worklist"): the population's enterprises with at least one uncovered unit in
    /// the group with `key` (nil: all groups), ordered by USCC.
    public static func worklist(
        _ query: CoverageQuery, groupKey key: String? = nil, enterprises: [Enterprise], appointments: [Appointment],
        certificates: [Certificate] = []
    ) -> [Enterprise] {
        var seen: Set<USCC> = []
        return units(query, enterprises: enterprises, appointments: appointments, certificates: certificates)
            .filter { unit in
                !unit.isCovered
                    && (key == nil
                        || query.groupBy?.key(of: unit.enterprise, region: query.region, population: query.population)
                            == key)
            }
            .map(\.enterprise)
            .filter { seen.insert($0.uscc).inserted }
            .sorted { $0.uscc < $1.uscc }
    }

    // MARK: - Units

    struct Unit {
        var enterprise: Enterprise
        var isCovered: Bool
    }

    static func units(
        _ query: CoverageQuery, enterprises: [Enterprise], appointments: [Appointment], certificates: [Certificate]
    ) -> [Unit] {
        let population = enterprises.filter {
            CoverageRule.isInPopulation($0, region: query.region, population: query.population, on: query.asOf)
        }
        switch query.metric {
        case .appointment:
            return population.map {
                Unit(
                    enterprise: $0,
                    isCovered: CoverageRule.isCovered(
                        $0, appointments: appointments, roles: query.roles, on: query.asOf))
            }
        case .training:
            return population.compactMap { enterprise in
                let registered = appointments.filter {
                    $0.uscc == enterprise.uscc && CoverageRule.counts($0, roles: query.roles, on: query.asOf)
                }
                guard !registered.isEmpty else { return nil }
                return Unit(
                    enterprise: enterprise,
                    isCovered: registered.contains {
                        CoverageRule.isTrained($0, certificates: certificates, on: query.asOf)
                    })
            }
        }
    }

    static func groupOrder(_ lhs: String, _ rhs: String, _ grouping: CoverageGrouping) -> Bool {
        switch grouping {
        case .sizeClass:
            let order = SizeClass.allCases.map(\.rawValue)
            return (order.firstIndex(of: lhs) ?? order.count) < (order.firstIndex(of: rhs) ?? order.count)
        case .aboveScale: return lhs == "true" && rhs == "false"
        case .region, .industry, .sector: return lhs < rhs
        }
    }
}
