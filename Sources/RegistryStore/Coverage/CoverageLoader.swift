import GRDB

/// Reads enterprises and their `cqo` terms into `CoverageEntry` values for the coverage index. Dates arrive as
/// day numbers computed by SQLite (`julianday` − the Unix epoch's), so no text is parsed in Swift.
enum CoverageLoader {
    static func day(_ column: String) -> String { "CAST(round(julianday(\(column)) - 2440587.5) AS INTEGER)" }

    static let enterpriseColumns = """
        uscc, region_code, size_class, above_scale, industry_code, sector, \(day("registered_on")),
        \(day("deregistered_on"))
        """

    /// A registered `cqo` term covers the days from max(registration, appointment) up to its end (DOMAIN.md).
    static let termColumns = "uscc, \(day("max(registered_on, appointed_on)")), \(day("ended_on"))"
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

    /// Every enterprise: the roster and the `cqo` terms, both in USCC order, merged in one pass.
    static func all(_ db: Database) throws -> CoverageColumns {
        var columns = CoverageColumns()
        columns.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM enterprise") ?? 0)
        let terms = try Row.fetchCursor(
            db, sql: "SELECT \(termColumns) FROM appointment WHERE \(termCondition) ORDER BY uscc")
        var pending = try terms.next().map { (uscc: $0[0] as String, range: term($0)) }
        let rows = try Row.fetchCursor(db, sql: "SELECT \(enterpriseColumns) FROM enterprise ORDER BY uscc")
        while let row = try rows.next() {
            let uscc: String = row[0]
            var ranges: [Range<Int32>] = []
            while let next = pending, next.uscc <= uscc {
                if next.uscc == uscc { ranges.append(next.range) }
                pending = try terms.next().map { (uscc: $0[0] as String, range: term($0)) }
            }
            columns.set(uscc, entry(row, terms: ranges))
        }
        return columns
    }

    static func term(_ row: Row) -> Range<Int32> {
        let start = Int32(clamping: row[1] as Int64? ?? Int64(Int32.max))
        let end = Int32(clamping: row[2] as Int64? ?? Int64(Int32.max))
        return start..<max(start, end)
    }

    static func entry(_ row: Row, terms: [Range<Int32>]) -> CoverageEntry {
        let industry: String = row[4]
        return CoverageEntry(
            uscc: row[0], region: CoverageCodes.region(row[1] as String) ?? 0,
            industry: CoverageCodes.industry(industry) ?? 0,
            attributes: CoverageColumns.attributes(
                size: row[2], aboveScale: row[3], industry: industry, sector: row[5]),
            from: Int32(clamping: row[6] as Int64? ?? Int64(Int32.min)),
            to: Int32(clamping: row[7] as Int64? ?? Int64(Int32.max)),
            covered: CoverageColumns.merged(terms))
    }
}
