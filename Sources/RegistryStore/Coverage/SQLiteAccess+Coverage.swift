import GRDB
import RegistryDomain

// MARK: - CoverageReader

extension SQLiteAccess {
    func coverageDataVersion() throws -> Int64 { try CoverageIndex.version(db) }

    func coverageCounts(_ query: CoverageQuery, on dates: [CivilDate]) throws -> CoverageTally {
        guard query.roles == CoverageTarget.defaultRoles else {
            throw StoreError.constraint("coverage is counted for role cqo only")
        }
        let version = try CoverageIndex.version(db)
        let columns = try coverageIndex?.current(db) ?? CoverageIndex.snapshot(db)
        let days = Array(Set(dates.map { Int32(clamping: $0.daysSinceEpoch) })).sorted()
        let scan = CoverageScan(query)
        let accumulator = columns.count(scan, days: days)
        let points = dates.map { date -> (groups: [CoverageCount], total: CoverageCount) in
            let point = CoverageColumns.lowerBound(days, Int32(clamping: date.daysSinceEpoch))
            let figures = accumulator.figures(at: point)
            let total = CoverageCount(
                key: nil, total: figures.reduce(0) { $0 + $1.total }, covered: figures.reduce(0) { $0 + $1.covered })
            guard query.groupBy != nil else { return ([], total) }
            let groups = figures.filter { $0.total > 0 }.map {
                CoverageCount(key: CoverageColumns.keyText($0.key, scan), total: $0.total, covered: $0.covered)
            }
            return (groups, total)
        }
        // The older of the snapshot's version and the index's: a tag never claims data newer than it carries (if
        // the index was newer, the next poll merely gets a fresh 200; if it was older, during a rebuild, the tag
        // changes once the rebuilt index answers).
        return CoverageTally(version: min(version, columns.version), points: points)
    }

    /// A registered `cqo` of enterprise `e` whose term contains `:day` (DOMAIN.md "Coverage as of date D").
    static let registeredCQO = """
        SELECT 1 FROM appointment a WHERE a.uscc = e.uscc AND a.role = 'cqo'
            AND a.registered_on IS NOT NULL AND a.registered_on <= :day AND a.appointed_on <= :day
            AND (a.ended_on IS NULL OR a.ended_on > :day)
        """

    /// The same, whose appointee holds a certificate valid on `:day`.
    static let trainedCQO = """
        \(registeredCQO) AND EXISTS (SELECT 1 FROM certificate c WHERE c.person_id = a.person_id
            AND c.issued_on <= :day AND c.expires_on >= :day AND (c.revoked_on IS NULL OR c.revoked_on > :day))
        """

    func uncoveredEnterprises(_ query: CoverageQuery, after: USCC?, limit: Int) throws -> [Enterprise] {
        var conditions = [
            "e.region_code >= :rlo AND e.region_code < :rhi",
            "(e.registered_on IS NULL OR e.registered_on <= :day)",
            "(e.deregistered_on IS NULL OR e.deregistered_on > :day)",
        ]
        switch query.metric {
        case .appointment:
            conditions.append("NOT EXISTS (\(Self.registeredCQO))")
        case .training:
            // The population is the enterprises with a registered cqo; the uncovered, those without a trained one.
            conditions.append("EXISTS (\(Self.registeredCQO))")
            conditions.append("NOT EXISTS (\(Self.trainedCQO))")
        }
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "rlo": query.region.value, "rhi": query.region.value + ":", "day": query.asOf.description, "limit": limit,
        ]
        let population = query.population
        if let size = population.sizeClass {
            conditions.append("e.size_class = :size"); arguments["size"] = size.rawValue
        }
        if let above = population.aboveScale { conditions.append("e.above_scale = :above"); arguments["above"] = above }
        if let manufacturing = population.manufacturing {
            conditions.append(manufacturing ? "e.industry_code GLOB 'C*'" : "e.industry_code NOT GLOB 'C*'")
        }
        if let industry = population.industry {
            conditions.append("e.industry_code >= :ilo AND e.industry_code < :ihi")
            arguments["ilo"] = industry.value
            arguments["ihi"] = industry.value + ":"
        }
        if let sector = population.sector {
            conditions.append("e.sector = :sector"); arguments["sector"] = sector.rawValue
        }
        if let after { conditions.append("e.uscc > :after"); arguments["after"] = after.value }
        let sql = """
            SELECT \(Self.enterpriseColumns) FROM enterprise e WHERE \(conditions.joined(separator: " AND "))
            ORDER BY e.uscc LIMIT :limit
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap(Self.enterprise)
    }
}
