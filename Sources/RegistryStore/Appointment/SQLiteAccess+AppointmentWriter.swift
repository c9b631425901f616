import GRDB
import RegistryDomain

// MARK: - AppointmentWriter

extension SQLiteAccess {
    /// The person with this ID number, added when new. An existing person's row is left as it is: the details of
    /// each filing live on its appointment (migration 0006), so one enterprise's filing never rewrites what another
    /// filed for the same person.
    func personID(for details: PersonDetails) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO person (id_number, name, phone, email) VALUES (?, ?, ?, ?)
                ON CONFLICT (id_number) DO NOTHING
                """,
            arguments: [details.idNumber.value, details.name, details.phone.value, details.email?.value])
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM person WHERE id_number = ?", arguments: [details.idNumber.value])
        else { throw StoreError.notFound }
        return id
    }

    func insert(_ appointment: Appointment) throws -> Appointment {
        try db.execute(
            sql: """
                INSERT INTO appointment (uscc, person_id, role, status, position, is_principal, appointed_on,
                                         registered_on, ended_on, person_name, person_phone, person_email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: Self.appointmentArguments(appointment))
        var stored = appointment
        stored.id = db.lastInsertedRowID
        try appendTransitions(of: stored, from: 0)
        return stored
    }

    func save(_ appointment: Appointment) throws {
        do {
            try db.execute(
                sql: """
                    UPDATE appointment SET uscc = ?, person_id = ?, role = ?, status = ?, position = ?, is_principal = ?,
                        appointed_on = ?, registered_on = ?, ended_on = ?, person_name = ?, person_phone = ?,
                        person_email = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                    WHERE id = ?
                    """,
                arguments: Self.appointmentArguments(appointment) + [appointment.id])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.duplicate("the enterprise has a registered chief quality officer already")
        }
        if db.changesCount == 0 { throw StoreError.notFound }
        let stored =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM appointment_transition WHERE appointment_id = ?",
                arguments: [appointment.id])
            ?? 0
        try appendTransitions(of: appointment, from: stored)
    }

    private func appendTransitions(of appointment: Appointment, from index: Int) throws {
        guard index < appointment.history.count else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO appointment_transition (appointment_id, at, actor, from_status, to_status, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for transition in appointment.history[index...] {
            try statement.execute(arguments: [
                appointment.id, transition.at.description, transition.actor, transition.from?.rawValue,
                transition.to.rawValue, transition.reason,
            ])
        }
    }

    static func appointmentArguments(_ a: Appointment) -> StatementArguments {
        [
            a.uscc.value, a.personID, a.role.rawValue, a.status.rawValue, a.filing.position, a.filing.isPrincipal,
            a.appointedOn.description, a.registeredOn?.description, a.endedOn?.description, a.filing.person.name,
            a.filing.person.phone.value, a.filing.person.email?.value,
        ]
    }
}
