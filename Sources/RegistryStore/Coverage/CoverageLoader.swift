import GRDB

/// Reads enterprises and their `cqo` terms into `CoverageEntry` values for the coverage index.
enum CoverageLoader {
    static let enterpriseColumns =
        "uscc, region_code, size_class, above_scale, industry_code, sector, registered_on, deregistered_on"

    /// A registered `cqo` term covers the days from max(registration, appointment) up to its end (DOMAIN.md).
    static let termColumns = "uscc, max(registered_on, appointed_on), ended_on"
    static let termCondition = "role = 'cqo' AND registered_on IS NOT NULL"

    /// The entry of one enterprise, nil when it is not on the roster.
    static func entry(_ uscc: String, db: Database) throws -> CoverageEntry? {
        let statement = try db.cachedStatement(sql: "SELECT \(enterpriseColumns) FROM enterprise WHERE uscc = ?")
        guard let row = try Row.fetchOne(statement, arguments: [uscc]) else { return nil }
        let terms = try db.cachedStatement(
            sql: "SELECT \(termColumns) FROM appointment WHERE \(termCondition) AND uscc = ?")
        let ranges = try Row.fetchAll(terms, arguments: [uscc]).map(term)
        return entry(row, terms: ranges)
    }

    /// Every enterprise: one pass over the roster and one over the `cqo` terms.
    static func all(_ db: Database) throws -> CoverageColumns {
        var terms: [String: [Range<Int32>]] = [:]
        let termRows = try Row.fetchCursor(db, sql: "SELECT \(termColumns) FROM appointment WHERE \(termCondition)")
        while let row = try termRows.next() { terms[row[0], default: []].append(term(row)) }
        var columns = CoverageColumns()
        let rows = try Row.fetchCursor(db, sql: "SELECT \(enterpriseColumns) FROM enterprise")
        while let row = try rows.next() {
            let uscc: String = row[0]
            columns.set(uscc, entry(row, terms: terms[uscc] ?? []))
        }
        return columns
    }

    static func term(_ row: Row) -> Range<Int32> {
        let start = CoverageCodes.day(row[1], absent: .max)
        let end = CoverageCodes.day(row[2], absent: .max)
        return start..<max(start, end)
    }

    static func entry(_ row: Row, terms: [Range<Int32>]) -> CoverageEntry {
        let industry: String = row[4]
        return CoverageEntry(
            uscc: row[0], region: CoverageCodes.region(row[1] as String) ?? 0,
            industry: CoverageCodes.industry(industry) ?? 0,
            attributes: CoverageColumns.attributes(
                size: row[2], aboveScale: row[3], industry: industry, sector: row[5]),
            from: CoverageCodes.day(row[6], absent: .min), to: CoverageCodes.day(row[7], absent: .max),
            covered: CoverageColumns.merged(terms))
    }
}
