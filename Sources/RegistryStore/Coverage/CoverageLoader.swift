import GRDB

/// Reads enterprises, their `cqo` terms and those appointees' certificates into `CoverageEntry` values for the
/// coverage index. Dates arrive as day numbers computed by SQLite (`julianday` − the Unix epoch's), so no text is
/// parsed in Swift.
enum CoverageLoader {
    static func day(_ column: String) -> String { "CAST(round(julianday(\(column)) - 2440587.5) AS INTEGER)" }

    static let enterpriseColumns = """
        uscc, region_code, size_class, above_scale, industry_code, sector, \(day("registered_on")),
        \(day("deregistered_on"))
        """

    /// A registered `cqo` term covers the days from max(registration, appointment) up to its end (DOMAIN.md); each
    /// row also carries one certificate of the appointee (none: NULLs), valid from its issue through its expiry
    /// day, up to its revocation.
    static let termColumns = """
        a.uscc, \(day("max(a.registered_on, a.appointed_on)")), \(day("a.ended_on")), \(day("c.issued_on")),
        \(day("c.expires_on")), \(day("c.revoked_on"))
        """
    static let termSource = "appointment a LEFT JOIN certificate c ON c.person_id = a.person_id"
    static let termCondition = "a.role = 'cqo' AND a.registered_on IS NOT NULL"

    /// A term and, when the row names a certificate, the days within it that the certificate was valid.
    struct Term {
        var range: Range<Int32>
        var trained: Range<Int32>?
    }

    /// The entry of one enterprise, nil when it is not on the roster.
    static func entry(_ uscc: String, db: Database) throws -> CoverageEntry? {
        let statement = try db.cachedStatement(sql: "SELECT \(enterpriseColumns) FROM enterprise WHERE uscc = ?")
        guard let row = try Row.fetchOne(statement, arguments: [uscc]) else { return nil }
        let terms = try db.cachedStatement(
            sql: "SELECT \(termColumns) FROM \(termSource) WHERE \(termCondition) AND a.uscc = ?")
        return entry(row, terms: try Row.fetchAll(terms, arguments: [uscc]).map(term))
    }

    /// Every enterprise: the roster and the `cqo` terms, both in USCC order, merged in one pass.
    static func all(_ db: Database) throws -> CoverageColumns {
        var columns = CoverageColumns()
        columns.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM enterprise") ?? 0)
        let terms = try Row.fetchCursor(
            db, sql: "SELECT \(termColumns) FROM \(termSource) WHERE \(termCondition) ORDER BY a.uscc")
        var pending = try terms.next().map { (uscc: $0[0] as String, term: term($0)) }
        let rows = try Row.fetchCursor(db, sql: "SELECT \(enterpriseColumns) FROM enterprise ORDER BY uscc")
        while let row = try rows.next() {
            let uscc: String = row[0]
            var found: [Term] = []
            while let next = pending, next.uscc <= uscc {
                if next.uscc == uscc { found.append(next.term) }
                pending = try terms.next().map { (uscc: $0[0] as String, term: term($0)) }
            }
            columns.set(uscc, entry(row, terms: found))
        }
        return columns
    }

    static func term(_ row: Row) -> Term {
        func day(_ index: Int) -> Int32? { (row[index] as Int64?).map { Int32(clamping: $0) } }
        let start = day(1) ?? .max
        let range = start..<max(start, day(2) ?? .max)
        guard let issued = day(3), let expires = day(4) else { return Term(range: range, trained: nil) }
        let from = max(range.lowerBound, issued)
        let to = min(range.upperBound, expires == .max ? .max : expires + 1, day(5) ?? .max)
        return Term(range: range, trained: from..<max(from, to))
    }

    static func entry(_ row: Row, terms: [Term]) -> CoverageEntry {
        let industry: String = row[4]
        return CoverageEntry(
            uscc: row[0], region: CoverageCodes.region(row[1] as String) ?? 0,
            industry: CoverageCodes.industry(industry) ?? 0,
            attributes: CoverageColumns.attributes(
                size: row[2], aboveScale: row[3], industry: industry, sector: row[5]),
            from: Int32(clamping: row[6] as Int64? ?? Int64(Int32.min)),
            to: Int32(clamping: row[7] as Int64? ?? Int64(Int32.max)),
            covered: CoverageColumns.merged(terms.map(\.range)),
            trained: CoverageColumns.merged(terms.compactMap(\.trained)))
    }
}
