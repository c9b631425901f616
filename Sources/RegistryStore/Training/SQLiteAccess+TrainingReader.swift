import GRDB
import RegistryDomain

// MARK: - TrainingReader

extension SQLiteAccess {
    func trainingSession(id: Int64) throws -> TrainingSessionRecord? {
        try TrainingSessionRow.fetchOne(
            db, sql: "SELECT \(TrainingSessionRow.selection) FROM training_session s WHERE s.id = ?", arguments: [id]
        )?.record
    }

    func trainingSessions(_ query: TrainingSessionQuery) throws -> [TrainingSessionRecord] {
        var filter = ListFilter(afterID: query.afterID, limit: query.limit, idColumn: "s.id")
        filter.regionPrefixes(query.regionPrefixes, column: "s.region_code")
        filter.compare("s.provider", query.provider)
        filter.compare("s.mode", query.mode?.rawValue)
        filter.compare("s.ends_on", query.from?.description, operator: ">=")
        filter.compare("s.starts_on", query.to?.description, operator: "<=")
        let sql = """
            SELECT \(TrainingSessionRow.selection) FROM training_session s
            WHERE \(filter.clause) ORDER BY s.id LIMIT :limit
            """
        return try TrainingSessionRow.fetchAll(db, sql: sql, arguments: filter.statementArguments).map(\.record)
    }

    func attendance(ofSession sessionID: Int64) throws -> [Attendance] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT person_id, hours_tenths FROM attendance WHERE session_id = ? ORDER BY person_id",
            arguments: [sessionID])
        return try rows.map { row in
            Attendance(
                personID: row[0],
                hours: try StoredRowError.require(TrainingHours(tenths: row[1]), "attendance", "hours_tenths"))
        }
    }

    func filedPeople(among personIDs: [Int64], within regionPrefixes: [RegionCode]) throws -> Set<Int64> {
        guard !personIDs.isEmpty else { return [] }
        var found: Set<Int64> = []
        // SQLite takes at most 32,766 arguments; a list is at most a few thousand people.
        for chunk in stride(from: 0, to: personIDs.count, by: 5_000) {
            let ids = Array(personIDs[chunk..<min(chunk + 5_000, personIDs.count)])
            var filter = ListFilter()
            filter.add("a.person_id IN (\(ids.map(String.init).joined(separator: ",")))")
            filter.regionPrefixes(regionPrefixes, column: "e.region_code")
            let sql = """
                SELECT DISTINCT a.person_id FROM appointment a JOIN enterprise e ON e.uscc = a.uscc
                WHERE \(filter.clause)
                """
            found.formUnion(try Int64.fetchAll(db, sql: sql, arguments: filter.statementArguments))
        }
        return found
    }

    func attendance(ofPerson personID: Int64) throws -> [PersonAttendance] {
        try PersonAttendanceRow.fetchAll(
            db,
            sql: """
                SELECT t.session_id, s.title, s.provider, s.starts_on, s.ends_on, t.hours_tenths
                FROM attendance t JOIN training_session s ON s.id = t.session_id
                WHERE t.person_id = ? ORDER BY s.starts_on, s.id
                """, arguments: [personID]
        ).map(\.attendance)
    }

    func attendedHours(ofPerson personID: Int64, endingFrom from: CivilDate, through: CivilDate) throws -> Int64 {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT coalesce(sum(t.hours_tenths), 0) FROM attendance t JOIN training_session s ON s.id = t.session_id
                WHERE t.person_id = ? AND s.ends_on >= ? AND s.ends_on <= ?
                """, arguments: [personID, from.description, through.description]) ?? 0
    }

    func examAttempts(ofPerson personID: Int64) throws -> [ExamAttemptRecord] {
        try ExamAttemptRow.fetchAll(
            db, sql: "SELECT * FROM exam_attempt WHERE person_id = ? ORDER BY taken_on, id", arguments: [personID]
        ).map(\.record)
    }

    func certificates(ofPerson personID: Int64) throws -> [CertificateRecord] {
        let certificates = try CertificateRow.fetchAll(
            db, sql: "SELECT \(CertificateRow.selection) FROM certificate c WHERE c.person_id = ? ORDER BY c.issued_on",
            arguments: [personID]
        ).map(\.certificate)
        return try withRenewals(certificates)
    }

    func certificate(number: CertificateNumber) throws -> CertificateRecord? {
        let certificates = try CertificateRow.fetchAll(
            db, sql: "SELECT \(CertificateRow.selection) FROM certificate c WHERE c.number = ?",
            arguments: [number.description]
        ).map(\.certificate)
        return try withRenewals(certificates).first
    }

    private func withRenewals(_ certificates: [Certificate]) throws -> [CertificateRecord] {
        guard !certificates.isEmpty else { return [] }
        let numbers = certificates.map(\.number.description)
        let placeholders = Array(repeating: "?", count: numbers.count).joined(separator: ",")
        let renewals = try CertificateRenewalRow.fetchAll(
            db,
            sql: """
                SELECT * FROM certificate_renewal WHERE certificate_number IN (\(placeholders))
                ORDER BY certificate_number, id
                """, arguments: StatementArguments(numbers))
        let byNumber = Dictionary(grouping: renewals, by: \.number)
        return certificates.map { certificate in
            CertificateRecord(
                certificate: certificate, renewals: byNumber[certificate.number.description]?.map(\.renewal) ?? [])
        }
    }

    func latestFiledName(ofPerson personID: Int64) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT CASE WHEN a.person_name IS NULL THEN p.name ELSE a.person_name END
                FROM appointment a JOIN person p ON p.id = a.person_id WHERE a.person_id = ? ORDER BY a.id DESC LIMIT 1
                """, arguments: [personID])
    }

    func creditRecord(ofPerson personID: Int64) throws -> [CreditRecordEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.appointment_id, s.kind, s.reason, s.occurred_on, s.serious, a.uscc, e.region_code
                FROM credit_record_entry c JOIN supervision_action s ON s.id = c.supervision_action_id
                JOIN appointment a ON a.id = s.appointment_id JOIN enterprise e ON e.uscc = a.uscc
                WHERE c.person_id = ? ORDER BY c.id
                """, arguments: [personID])
        return try rows.map { row in
            let table = "supervision_action"
            let action = SupervisionAction(
                id: row[0], appointmentID: row[1],
                kind: try StoredRowError.require(SupervisionKind(rawValue: row[2]), table, "kind"), reason: row[3],
                occurredOn: try StoredRowError.require(CivilDate(row[4] as String), table, "occurred_on"),
                serious: row[5])
            return CreditRecordEntry(
                action: action, uscc: try StoredRowError.require(try? USCC(row[6] as String), "appointment", "uscc"),
                regionCode: try StoredRowError.require(try? RegionCode(row[7] as String), "enterprise", "region_code"))
        }
    }

    func talentPool(_ query: TalentPoolQuery) throws -> [TalentPoolMember] {
        var filter = ListFilter(afterID: query.afterPersonID, limit: query.limit, idColumn: "c.person_id")
        filter.compare("c.issued_on", query.day.description, operator: "<=")
        filter.compare("c.expires_on", query.day.description, operator: ">=")
        filter.add("(c.revoked_on IS NULL OR c.revoked_on > :day)", ["day": query.day.description])
        filter.regionPrefixes(query.regionPrefixes, column: "e.region_code")
        filter.compare("e.uscc", query.uscc?.value)
        filter.compare("e.size_class", query.sizeClass?.rawValue)
        if let industry = query.industryPrefix {
            filter.compare("e.industry_code", industry, operator: ">=")
            filter.compare("e.industry_code", industry + "\u{7F}", operator: "<")
        }
        filter.compare("c.expires_on", query.expiringBefore?.description, operator: "<")
        // The person's current filing: the latest registered one, else the latest.
        let sql = """
            SELECT \(CertificateRow.selection), a.id AS appointment_id, e.name AS enterprise_name
            FROM certificate c
            JOIN appointment a ON a.id = (SELECT f.id FROM appointment f WHERE f.person_id = c.person_id
                ORDER BY f.status = 'registered' DESC, f.id DESC LIMIT 1)
            JOIN enterprise e ON e.uscc = a.uscc
            WHERE \(filter.clause) ORDER BY c.person_id LIMIT :limit
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: filter.statementArguments)
        // Every member's filing, with its history, in one query for the page.
        let filings = try appointmentRecords(ids: rows.map { $0["appointment_id"] })
        return try rows.map { row in
            let certificate = try CertificateRow(row: row).certificate
            let filing = try StoredRowError.require(filings[row["appointment_id"]], "appointment", "id")
            return TalentPoolMember(certificate: certificate, filing: filing, enterpriseName: row["enterprise_name"])
        }
    }
}
