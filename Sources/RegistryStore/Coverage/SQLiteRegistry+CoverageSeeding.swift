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

    /// Stores certificates as they are (dates and revocation included), with a placeholder person for each
    /// `personID`, in one transaction; a certificate whose number exists is updated in place.
    ///
    /// For tests, benchmarks and demos only, like `seedCoverageAppointments`: no exam, audit or change feed. The
    /// certificate triggers (migration 0008) mark the holder's enterprises for the coverage index.
    package func seedCoverageCertificates(_ certificates: [Certificate]) async throws {
        try await pool.write { db in
            let person = try db.cachedStatement(
                sql: """
                    INSERT INTO person (id, id_number, name, phone) VALUES (?, ?, '测试人员', '13800000000')
                    ON CONFLICT (id) DO NOTHING
                    """)
            let certificate = try db.cachedStatement(
                sql: """
                    INSERT INTO certificate (number, person_id, issued_on, expires_on, revoked_on, created_at)
                    VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    ON CONFLICT (number) DO UPDATE SET person_id = excluded.person_id,
                        issued_on = excluded.issued_on, expires_on = excluded.expires_on,
                        revoked_on = excluded.revoked_on
                    """)
            for item in certificates {
                let digits = String(item.personID)
                let idNumber = "T" + String(repeating: "0", count: max(0, 17 - digits.count)) + digits
                try person.execute(arguments: [item.personID, idNumber])
                try certificate.execute(arguments: [
                    item.number.description, item.personID, item.issuedOn.description, item.expiresOn.description,
                    item.revokedOn?.description,
                ])
            }
        }
    }
}
