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
            SELECT \(ChangeEventRow.selection) FROM change_event
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT ?
            """
        return try ChangeEventRow.fetchAll(db, sql: sql, arguments: arguments).map(\.event)
    }
}
