/// The figures of one coverage group, or of the whole answer (API.md "Coverage answer").
public struct CoverageFigures: Hashable, Sendable {
    /// The group key (see `CoverageGrouping`); nil for the whole answer.
    public var key: String?
    /// Enterprises in the population: all of them (metric `appointment`), or those with a registered appointment
    /// of a counted role (metric `training`).
    public var total: Int
    public var covered: Int
    /// The applicable target, if any.
    public var target: CoverageTarget?

    public init(key: String?, total: Int, covered: Int, target: CoverageTarget?) {
        self.key = key
        self.total = total
        self.covered = covered
        self.target = target
    }

    /// ⌈target ratio × total⌉ − covered, never negative; nil without a target.
    public var shortfall: Int? { target.map { Shortfall.of(total: total, covered: covered, ratio: $0.ratio) } }

    /// Whether the target is met (shortfall 0); nil without a target.
    public var met: Bool? { shortfall.map { $0 == 0 } }

    /// covered / total as decimal text rounded half up to `decimals` places, trailing zeros dropped
    /// (`0.6667`, `1`, `0`); nil when `total` is 0. The exact value is `covered` over `total`.
    public func ratioText(decimals: Int = 4) -> String? {
        guard total > 0 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Int64(covered) * scale * 2 + Int64(total)) / (Int64(total) * 2)
        return DecimalText.minimal(scaled, scaleDigits: decimals)
    }
}

/// A coverage answer: the query, its groups (ordered by key) and the figures over all groups.
public struct CoverageReport: Hashable, Sendable {
    public var query: CoverageQuery
    /// Empty when the query has no `groupBy`.
    public var groups: [CoverageFigures]
    public var total: CoverageFigures

    public init(query: CoverageQuery, groups: [CoverageFigures], total: CoverageFigures) {
        self.query = query
        self.groups = groups
        self.total = total
    }
}
