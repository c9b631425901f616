import GRDB
import RegistryDomain

extension SQLiteAccess {
    func insert(_ action: SupervisionAction, actor: String, at: String) throws -> SupervisionAction {
        try db.execute(
            sql: """
                INSERT INTO supervision_action (appointment_id, kind, reason, occurred_on, actor, at, serious)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                action.appointmentID, action.kind.rawValue, action.reason, action.occurredOn.description, actor, at,
                action.serious,
            ])
        var stored = action
        stored.id = db.lastInsertedRowID
        return stored
    }

    func supervisionActions(_ query: SupervisionActionQuery) throws -> [SupervisionActionRecord] {
        var filter = ListFilter(afterID: query.afterID, limit: query.limit, idColumn: "s.id")
        filter.regionPrefixes(query.regionPrefixes, column: "e.region_code")
        filter.compare("s.appointment_id", query.appointmentID)
        filter.compare("a.uscc", query.uscc?.value)
        filter.compare("s.kind", query.kind?.rawValue)
        filter.compare("s.occurred_on", query.from?.description, operator: ">=")
        filter.compare("s.occurred_on", query.to?.description, operator: "<=")
        let sql = """
            SELECT s.id, s.appointment_id, s.kind, s.reason, s.occurred_on, s.actor, s.at, a.uscc, e.region_code, s.serious
            FROM supervision_action s JOIN appointment a ON a.id = s.appointment_id JOIN enterprise e ON e.uscc = a.uscc
            WHERE \(filter.clause) ORDER BY s.id LIMIT :limit
            """
        return try SupervisionActionRow.fetchAll(db, sql: sql, arguments: filter.statementArguments).map(\.record)
    }
}
