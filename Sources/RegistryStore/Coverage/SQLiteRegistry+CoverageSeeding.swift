import GRDB
import RegistryDomain

extension SQLiteRegistry {
    /// Stores appointments as they are (status and dates included), with a placeholder person for each
    /// `personID`, in one transaction; an appointment whose id exists is updated in place.
    ///
    /// For tests, benchmarks and demos only: it bypasses the filing workflow, its audit and its change feed.
    /// Coverage triggers fire as for any other write.
    package func seedCoverageAppointments(_ appointments: [Appointment]) async throws {
        try await pool.write { db in
            let person = try db.cachedStatement(
                sql: """
                    INSERT INTO person (id, id_number, name, phone) VALUES (?, ?, '测试人员', '13800000000')
                    ON CONFLICT (id) DO NOTHING
                    """)
            let appointment = try db.cachedStatement(
                sql: """
                    INSERT INTO appointment (id, uscc, person_id, role, status, position, is_principal,
                                             appointed_on, registered_on, ended_on)
                    VALUES (?, ?, ?, ?, ?, '质量副总经理', 0, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, appointed_on = excluded.appointed_on,
                        registered_on = excluded.registered_on, ended_on = excluded.ended_on
                    """)
            for item in appointments {
                let digits = String(item.personID)
                let idNumber = "T" + String(repeating: "0", count: max(0, 17 - digits.count)) + digits
                try person.execute(arguments: [item.personID, idNumber])
                try appointment.execute(arguments: [
                    item.id, item.uscc.value, item.personID, item.role.rawValue, item.status.rawValue,
                    item.appointedOn.description, item.registeredOn?.description, item.endedOn?.description,
                ])
            }
        }
    }
}
