import GRDB
import RegistryDomain

extension SQLiteAccess {
    func append(_ event: ChangeEvent) throws {
        try db.execute(
            sql: "INSERT INTO change_event (at, kind, resource, region_code, payload) VALUES (?, ?, ?, ?, ?)",
            arguments: [event.at, event.kind, event.resource, event.regionCode.value, event.payload])
    }

    func changeEvents(after afterID: Int64?, within regionPrefixes: [RegionCode], limit: Int) throws -> [ChangeEvent] {
        var conditions = ["id > ?"]
        var arguments: StatementArguments = [afterID ?? 0]
        for prefix in regionPrefixes {
            conditions.append("region_code >= ? AND region_code < ?")
            arguments += [prefix.value, prefix.value + ":"]  // ':' follows '9'
        }
        arguments += [limit]
        let sql = """
            SELECT id, at, kind, resource, region_code, payload FROM change_event
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let region = try? RegionCode(row[4] as String) else { return nil }
            return ChangeEvent(
                id: row[0], at: row[1], kind: row[2], resource: row[3], regionCode: region, payload: row[5])
        }
    }
}
