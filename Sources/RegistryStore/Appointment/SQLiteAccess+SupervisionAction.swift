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
        var conditions = ["s.id > :after"]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["after": query.afterID ?? 0, "limit": query.limit]
        for (index, prefix) in query.regionPrefixes.enumerated() {
            conditions.append("e.region_code >= :rlo\(index) AND e.region_code < :rhi\(index)")
            arguments["rlo\(index)"] = prefix.value
            arguments["rhi\(index)"] = prefix.value + ":"  // ':' follows '9'
        }
        if let id = query.appointmentID {
            conditions.append("s.appointment_id = :appointment"); arguments["appointment"] = id
        }
        if let uscc = query.uscc { conditions.append("a.uscc = :uscc"); arguments["uscc"] = uscc.value }
        if let kind = query.kind { conditions.append("s.kind = :kind"); arguments["kind"] = kind.rawValue }
        if let from = query.from { conditions.append("s.occurred_on >= :from"); arguments["from"] = from.description }
        if let to = query.to { conditions.append("s.occurred_on <= :to"); arguments["to"] = to.description }
        let sql = """
            SELECT s.id, s.appointment_id, s.kind, s.reason, s.occurred_on, s.actor, s.at, a.uscc, e.region_code, s.serious
            FROM supervision_action s JOIN appointment a ON a.id = s.appointment_id JOIN enterprise e ON e.uscc = a.uscc
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.id LIMIT :limit
            """
        return try SupervisionActionRow.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(\.record)
    }
}
