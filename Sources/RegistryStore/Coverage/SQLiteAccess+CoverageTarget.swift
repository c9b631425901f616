import GRDB
import RegistryDomain

// MARK: - CoverageTargetReader, CoverageTargetWriter

extension SQLiteAccess {
    static let targetColumns =
        "id, region_code, metric, roles, size_class, above_scale, manufacturing, deadline, ratio_millionths"

    func coverageTargets() throws -> [CoverageTarget] {
        try Row.fetchAll(db, sql: "SELECT \(Self.targetColumns) FROM coverage_target ORDER BY id")
            .compactMap(Self.coverageTarget)
    }

    func coverageTarget(id: Int64) throws -> CoverageTarget? {
        try Row.fetchOne(db, sql: "SELECT \(Self.targetColumns) FROM coverage_target WHERE id = ?", arguments: [id])
            .flatMap(Self.coverageTarget)
    }

    func insert(_ target: CoverageTarget) throws -> CoverageTarget {
        try db.execute(
            sql: """
                INSERT INTO coverage_target (region_code, metric, roles, size_class, above_scale, manufacturing,
                                             deadline, ratio_millionths) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: Self.targetArguments(target))
        var stored = target
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ target: CoverageTarget) throws {
        try db.execute(
            sql: """
                UPDATE coverage_target SET region_code = ?, metric = ?, roles = ?, size_class = ?, above_scale = ?,
                    manufacturing = ?, deadline = ?, ratio_millionths = ?,
                    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                WHERE id = ?
                """,
            arguments: Self.targetArguments(target) + [target.id])
        if db.changesCount == 0 { throw StoreError.notFound }
    }

    func deleteCoverageTarget(id: Int64) throws {
        try db.execute(sql: "DELETE FROM coverage_target WHERE id = ?", arguments: [id])
        if db.changesCount == 0 { throw StoreError.notFound }
    }

    static func targetArguments(_ target: CoverageTarget) -> StatementArguments {
        [
            target.regionCode.value, target.metric.rawValue,
            target.roles.map(\.rawValue).sorted().joined(separator: ","),
            target.population.sizeClass?.rawValue, target.population.aboveScale, target.population.manufacturing,
            target.deadline.description, target.ratio.millionths,
        ]
    }

    /// Maps a row of `targetColumns`. Rows the database's CHECKs allow always map.
    static func coverageTarget(_ row: Row) -> CoverageTarget? {
        let roleNames = (row[3] as String).split(separator: ",").map(String.init)
        let roles = Set(roleNames.compactMap(Role.init(rawValue:)))
        guard let region = try? RegionCode(row[1] as String), let metric = CoverageMetric(rawValue: row[2]),
            roles.count == roleNames.count, let deadline = CivilDate(row[7] as String),
            let ratio = CoverageRatio(millionths: row[8])
        else { return nil }
        let sizeClass: SizeClass?
        if let text = row[4] as String? {
            guard let parsed = SizeClass(rawValue: text) else { return nil }
            sizeClass = parsed
        } else {
            sizeClass = nil
        }
        return CoverageTarget(
            id: row[0], regionCode: region, metric: metric, roles: roles,
            population: PopulationFilter(sizeClass: sizeClass, aboveScale: row[5], manufacturing: row[6]),
            deadline: deadline, ratio: ratio)
    }
}
