import GRDB
import RegistryDomain

// MARK: - TrainingWriter

extension SQLiteAccess {
    func insert(_ session: TrainingSession, createdBy: String, at: String) throws -> TrainingSession {
        try db.execute(
            sql: """
                INSERT INTO training_session
                    (provider, title, hours_tenths, starts_on, ends_on, mode, region_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                session.provider, session.title, session.hours.tenths, session.startsOn.description,
                session.endsOn.description, session.mode.rawValue, session.regionCode.value, createdBy, at,
            ])
        var stored = session
        stored.id = db.lastInsertedRowID
        return stored
    }

    func replaceAttendance(ofSession sessionID: Int64, with list: [Attendance]) throws {
        try db.execute(sql: "DELETE FROM attendance WHERE session_id = ?", arguments: [sessionID])
        let insert = try db.cachedStatement(
            sql: "INSERT INTO attendance (session_id, person_id, hours_tenths) VALUES (?, ?, ?)")
        for item in list { try insert.execute(arguments: [sessionID, item.personID, item.hours.tenths]) }
        try db.execute(sql: "UPDATE training_session SET revision = revision + 1 WHERE id = ?", arguments: [sessionID])
        guard db.changesCount == 1 else { throw StoreError.notFound }
    }

    func insert(
        _ attempt: ExamAttempt, passMark: Int, passed: Bool, certificate: CertificateNumber?, recordedBy: String,
        at: String
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO exam_attempt (person_id, session_id, taken_on, score, pass_mark, passed, certificate_number,
                    recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                attempt.personID, attempt.sessionID, attempt.takenOn.description, attempt.score, passMark, passed,
                certificate?.description, recordedBy, at,
            ])
        return db.lastInsertedRowID
    }

    func insert(_ certificate: Certificate, at: String) throws {
        try db.execute(
            sql: """
                INSERT INTO certificate (number, person_id, issued_on, expires_on, revoked_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                certificate.number.description, certificate.personID, certificate.issuedOn.description,
                certificate.expiresOn.description, certificate.revokedOn?.description, at,
            ])
    }

    func renew(_ certificate: Certificate, _ renewal: CertificateRenewal, at: String) throws {
        try db.execute(
            sql: "UPDATE certificate SET expires_on = ? WHERE number = ?",
            arguments: [certificate.expiresOn.description, certificate.number.description])
        guard db.changesCount == 1 else { throw StoreError.notFound }
        try db.execute(
            sql: """
                INSERT INTO certificate_renewal
                    (certificate_number, renewed_on, previous_expires_on, expires_on, hours_tenths, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                certificate.number.description, renewal.renewedOn.description, renewal.previousExpiresOn.description,
                renewal.expiresOn.description, renewal.hours, renewal.actor, at,
            ])
    }

    func revoke(_ certificate: Certificate, byAction actionID: Int64) throws {
        try db.execute(
            sql: "UPDATE certificate SET revoked_on = ?, revoked_by_action = ? WHERE number = ?",
            arguments: [certificate.revokedOn?.description, actionID, certificate.number.description])
        guard db.changesCount == 1 else { throw StoreError.notFound }
    }

    func enterInCreditRecord(personID: Int64, actionID: Int64, at: String) throws {
        try db.execute(
            sql: "INSERT INTO credit_record_entry (person_id, supervision_action_id, at) VALUES (?, ?, ?)",
            arguments: [personID, actionID, at])
    }
}
