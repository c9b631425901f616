import GRDB
import RegistryDomain

// MARK: - RegionReader, RegionWriter

extension SQLiteAccess {
    func region(code: RegionCode) throws -> RegionRecord? {
        try RegionRow.fetchOne(db, sql: RegionRow.selection + " WHERE code = ?", arguments: [code.value])?.record
    }

    func regions(parent: RegionCode?, after afterCode: String?, limit: Int) throws -> [RegionRecord] {
        var conditions = ["code > :after"]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["after": afterCode ?? "", "limit": limit]
        if let parent { conditions.append("parent_code = :parent"); arguments["parent"] = parent.value }
        return try RegionRow.fetchAll(
            db,
            sql: RegionRow.selection + " WHERE \(conditions.joined(separator: " AND ")) ORDER BY code LIMIT :limit",
            arguments: StatementArguments(arguments)
        ).map(\.record)
    }

    func regionNames(of codes: [String]) throws -> [String: String] {
        var names: [String: String] = [:]
        // SQLite binds at most 32,766 parameters a statement; a by-town answer has a few hundred keys.
        for chunk in stride(from: 0, to: codes.count, by: 500).map({ codes[$0..<min($0 + 500, codes.count)] }) {
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT code, name FROM region WHERE code IN (\(placeholders))",
                arguments: StatementArguments(Array(chunk)))
            for row in rows { names[row[0]] = row[1] }
        }
        return names
    }

    func nearestNamedAncestor(of code: RegionCode) throws -> RegionCode? {
        let prefixes = (1..<code.value.count).map { String(code.value.prefix($0)) }
        guard !prefixes.isEmpty else { return nil }
        let placeholders = Array(repeating: "?", count: prefixes.count).joined(separator: ",")
        let text = try String.fetchOne(
            db, sql: "SELECT code FROM region WHERE code IN (\(placeholders)) ORDER BY length(code) DESC LIMIT 1",
            arguments: StatementArguments(prefixes))
        return try text.map { try RegionCode($0) }
    }

    func regionNamesVersion() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM region_version WHERE id = 1") ?? 0
    }

    func save(_ region: Region, at: String) throws -> Bool {
        try db.execute(
            sql: "UPDATE region SET name = ?, parent_code = ?, revision = revision + 1, updated_at = ? WHERE code = ?",
            arguments: [region.name, region.parentCode?.value, at, region.code.value])
        guard db.changesCount == 0 else { return false }
        try db.execute(
            sql: "INSERT INTO region (code, name, parent_code, updated_at) VALUES (?, ?, ?, ?)",
            arguments: [region.code.value, region.name, region.parentCode?.value, at])
        return true
    }
}
