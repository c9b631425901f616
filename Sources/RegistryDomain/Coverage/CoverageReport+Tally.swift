extension CoverageReport {
    /// The report for `query` from counts a store made (`CoverageReader.coverageCounts`) and the targets in
    /// force: each group, and the whole, gets its applicable target exactly as `CoverageCalculator.report` does.
    public static func assembled(
        _ query: CoverageQuery, groups: [CoverageCount], total: CoverageCount, targets: [CoverageTarget]
    ) -> CoverageReport {
        // Metric and roles are the query's for every group: compare them once, not once per group.
        let targets = targets.filter { $0.metric == query.metric && $0.roles == query.roles }
        func figures(_ count: CoverageCount) -> CoverageFigures {
            let target = CoverageTarget.applicable(
                among: targets, to: query.scope(ofGroup: count.key), asOf: query.asOf)
            return CoverageFigures(key: count.key, total: count.total, covered: count.covered, target: target)
        }
        let ordered: [CoverageCount] =
            if let groupBy = query.groupBy {
                groups.sorted { CoverageCalculator.groupOrder($0.key ?? "", $1.key ?? "", groupBy) }
            } else { [] }
        return CoverageReport(query: query, groups: ordered.map(figures), total: figures(total))
    }
}
