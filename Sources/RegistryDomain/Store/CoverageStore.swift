/// The counts of one coverage group on one date, before targets are applied.
public struct CoverageCount: Hashable, Sendable {
    /// The group key (see `CoverageGrouping`); nil for the whole answer.
    public var key: String?
    public var total: Int
    public var covered: Int

    public init(key: String?, total: Int, covered: Int) {
        self.key = key
        self.total = total
        self.covered = covered
    }
}

/// The counts of a coverage query at each of several dates, and the data version they were read at.
public struct CoverageTally: Hashable, Sendable {
    /// The coverage data version (enterprises, appointments, certificates and targets) the counts reflect.
    public var version: Int64
    /// One entry per date asked for, in the same order: the groups (ordered as `CoverageCalculator` orders them;
    /// empty without `groupBy`) and the whole.
    public var points: [(groups: [CoverageCount], total: CoverageCount)]

    public init(version: Int64, points: [(groups: [CoverageCount], total: CoverageCount)]) {
        self.version = version
        self.points = points
    }

    public static func == (lhs: CoverageTally, rhs: CoverageTally) -> Bool {
        lhs.version == rhs.version && lhs.points.count == rhs.points.count
            && zip(lhs.points, rhs.points).allSatisfy { $0.groups == $1.groups && $0.total == $1.total }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        for point in points {
            hasher.combine(point.groups)
            hasher.combine(point.total)
        }
    }
}

public protocol CoverageReader {
    /// The current coverage data version: it rises with every change to enterprises, appointments, certificates or
    /// targets, in the same transaction. An ETag derived from it changes exactly when an answer may change.
    func coverageDataVersion() throws -> Int64
    /// Counts for `query` (either metric, roles `cqo`) at each of `dates`, by the as-of rule of DOMAIN.md, exactly as
    /// `CoverageCalculator` counts them.
    /// - Throws: `StoreError.constraint` for a role set the store does not count.
    func coverageCounts(_ query: CoverageQuery, on dates: [CivilDate]) throws -> CoverageTally
    /// The enterprises of the query's population on `query.asOf` (for metric `training`: those with a registered
    /// `cqo`) that are not covered then, in USCC order, after `after`, at most `limit` (the worklist).
    func uncoveredEnterprises(_ query: CoverageQuery, after: USCC?, limit: Int) throws -> [Enterprise]
}

public protocol CoverageTargetReader {
    /// Every target, by id.
    func coverageTargets() throws -> [CoverageTarget]
    func coverageTarget(id: Int64) throws -> CoverageTarget?
}

public protocol CoverageTargetWriter {
    /// Stores a new target (its `id` is ignored) and returns it with its id.
    func insert(_ target: CoverageTarget) throws -> CoverageTarget
    /// Replaces the target with the same id. - Throws: `StoreError.notFound`.
    func update(_ target: CoverageTarget) throws
    /// Removes the target. - Throws: `StoreError.notFound`.
    func deleteCoverageTarget(id: Int64) throws
}
