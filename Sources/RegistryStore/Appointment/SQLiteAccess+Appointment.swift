import GRDB
import RegistryDomain

// MARK: - AppointmentReader

extension SQLiteAccess {
    /// The person's name, phone and e-mail are the appointment's own (migration 0006); only a row without any
    /// (written by SQL outside the registry: the bench's and demo's bulk filings) falls back to the person's row,
    /// all three together, so a filing without an e-mail never shows another filing's.
    /// Named as `AppointmentRow.Columns` reads them.
    static let appointmentColumns = """
        a.id, a.uscc, a.person_id, a.role, a.status, a.position, a.is_principal, a.appointed_on, a.registered_on,
        a.ended_on, CASE WHEN a.person_name IS NULL THEN p.name ELSE a.person_name END AS person_name, p.id_number,
        CASE WHEN a.person_name IS NULL THEN p.phone ELSE a.person_phone END AS person_phone,
        CASE WHEN a.person_name IS NULL THEN p.email ELSE a.person_email END AS person_email, e.region_code
        """

    static let appointmentFrom = """
        FROM appointment a JOIN person p ON p.id = a.person_id JOIN enterprise e ON e.uscc = a.uscc
        """

    func appointment(id: Int64) throws -> AppointmentRecord? {
        let statement = try db.cachedStatement(
            sql: "SELECT \(Self.appointmentColumns) \(Self.appointmentFrom) WHERE a.id = ?")
        let rows = try AppointmentRow.fetchAll(statement, arguments: [id])
        return try records(rows).first
    }

    /// The appointments with `ids`, each with its history, in one query (a page of another list's rows).
    func appointmentRecords(ids: [Int64]) throws -> [Int64: AppointmentRecord] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try AppointmentRow.fetchAll(
            db, sql: "SELECT \(Self.appointmentColumns) \(Self.appointmentFrom) WHERE a.id IN (\(placeholders))",
            arguments: StatementArguments(ids))
        return Dictionary(try records(rows).map { ($0.appointment.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func appointments(of uscc: USCC) throws -> [Appointment] {
        let statement = try db.cachedStatement(
            sql: "SELECT \(Self.appointmentColumns) \(Self.appointmentFrom) WHERE a.uscc = ? ORDER BY a.id")
        let rows = try AppointmentRow.fetchAll(statement, arguments: [uscc.value])
        return try records(rows).map(\.appointment)
    }

    func appointments(ofEach usccs: [USCC]) throws -> [Appointment] {
        guard !usccs.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: usccs.count).joined(separator: ",")
        let rows = try AppointmentRow.fetchAll(
            db,
            sql:
                "SELECT \(Self.appointmentColumns) \(Self.appointmentFrom) WHERE a.uscc IN (\(placeholders)) ORDER BY a.id",
            arguments: StatementArguments(usccs.map(\.value)))
        return try records(rows).map(\.appointment)
    }

    func appointments(_ query: AppointmentQuery) throws -> [AppointmentRecord] {
        var conditions: [String] = []
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        for (index, prefix) in query.regionPrefixes.enumerated() {
            conditions.append("e.region_code >= :rlo\(index) AND e.region_code < :rhi\(index)")
            arguments["rlo\(index)"] = prefix.value
            arguments["rhi\(index)"] = prefix.value + ":"  // ':' follows '9'
        }
        if let uscc = query.uscc { conditions.append("a.uscc = :uscc"); arguments["uscc"] = uscc.value }
        if let person = query.personID { conditions.append("a.person_id = :person"); arguments["person"] = person }
        if let status = query.status { conditions.append("a.status = :status"); arguments["status"] = status.rawValue }
        if let role = query.role { conditions.append("a.role = :role"); arguments["role"] = role.rawValue }
        if let days = query.vacantOverDays {
            conditions.append(Self.openedVacancy)
            arguments["vrole"] = (query.role ?? .cqo).rawValue
            arguments["day"] = query.day.description
            arguments["threshold"] = query.day.adding(days: -days).description
        }
        if let after = query.afterID { conditions.append("a.id > :after"); arguments["after"] = after }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments["limit"] = query.limit
        let rows = try AppointmentRow.fetchAll(
            db,
            sql: "SELECT \(Self.appointmentColumns) \(Self.appointmentFrom) \(whereClause) ORDER BY a.id LIMIT :limit",
            arguments: StatementArguments(arguments))
        return try records(rows)
    }

    /// The appointment whose end opened a vacancy of `:vrole` lasting more than N days on `:day`
    /// (`ended_on < :threshold`, i.e. day − N): it was registered, ended by `:day`, is the latest such end of
    /// its enterprise and role, no appointment of the role is registered on `:day`, and the enterprise is still
    /// on the roster. The same reading as `Vacancy.of(role:among:today:)`.
    static let openedVacancy = """
        a.role = :vrole AND a.registered_on IS NOT NULL AND a.ended_on IS NOT NULL AND a.ended_on <= :day
        AND a.ended_on < :threshold
        AND (e.deregistered_on IS NULL OR e.deregistered_on > :day)
        AND NOT EXISTS (SELECT 1 FROM appointment h WHERE h.uscc = a.uscc AND h.role = a.role
            AND h.registered_on IS NOT NULL AND h.registered_on <= :day AND h.appointed_on <= :day
            AND (h.ended_on IS NULL OR h.ended_on > :day))
        AND NOT EXISTS (SELECT 1 FROM appointment l WHERE l.uscc = a.uscc AND l.role = a.role
            AND l.registered_on IS NOT NULL AND l.ended_on IS NOT NULL AND l.ended_on <= :day
            AND (l.ended_on > a.ended_on OR (l.ended_on = a.ended_on AND l.id > a.id)))
        """

    /// Each row with its history. A row or transition that does not parse throws `StoreError.unreadable`.
    private func records(_ rows: [AppointmentRow]) throws -> [AppointmentRecord] {
        guard !rows.isEmpty else { return [] }
        let history = try transitions(of: rows.map(\.id))
        return rows.map { row in
            var appointment = row.appointment
            appointment.history = history[row.id] ?? []
            return AppointmentRecord(appointment: appointment, regionCode: row.regionCode)
        }
    }

    private func transitions(of ids: [Int64]) throws -> [Int64: [AppointmentTransition]] {
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        // Cached per number of ids: an enterprise has few appointments, so few distinct statements.
        let statement = try db.cachedStatement(
            sql: """
                SELECT \(AppointmentTransitionRow.selection) FROM appointment_transition
                WHERE appointment_id IN (\(placeholders)) ORDER BY appointment_id, id
                """)
        var byID: [Int64: [AppointmentTransition]] = [:]
        for row in try AppointmentTransitionRow.fetchAll(statement, arguments: StatementArguments(ids)) {
            byID[row.appointmentID, default: []].append(row.transition)
        }
        return byID
    }
}
