import GRDB
import RegistryDomain

// MARK: - RecognitionReader, RecognitionWriter

extension SQLiteAccess {
    static let recognitionSelection = """
        SELECT r.id, r.uscc, r.kind, r.level, r.year, r.title, r.revision, e.region_code
        FROM recognition r JOIN enterprise e ON e.uscc = r.uscc
        """

    func recognition(id: Int64) throws -> RecognitionRecord? {
        try RecognitionRow.fetchOne(db, sql: Self.recognitionSelection + " WHERE r.id = ?", arguments: [id])?.record
    }

    func recognitions(_ query: RecognitionQuery) throws -> [RecognitionRecord] {
        var filter = ListFilter(afterID: query.afterID, limit: query.limit, idColumn: "r.id")
        filter.regionPrefixes(query.regionPrefixes, column: "e.region_code")
        filter.compare("r.uscc", query.uscc?.value)
        filter.compare("r.kind", query.kind?.rawValue)
        filter.compare("r.level", query.level?.rawValue)
        filter.compare("r.year", query.year)
        return try RecognitionRow.fetchAll(
            db, sql: Self.recognitionSelection + " WHERE \(filter.clause) ORDER BY r.id LIMIT :limit",
            arguments: filter.statementArguments
        ).map(\.record)
    }

    func insert(_ recognition: Recognition, actor: String, at: String) throws -> Recognition {
        try db.execute(
            sql: """
                INSERT INTO recognition (uscc, kind, level, year, title, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                recognition.uscc.value, recognition.kind.rawValue, recognition.level.rawValue, recognition.year,
                recognition.title, actor, at,
            ])
        var stored = recognition
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ recognition: Recognition) throws {
        try db.execute(
            sql: """
                UPDATE recognition SET kind = ?, level = ?, year = ?, title = ?, revision = revision + 1
                WHERE id = ? AND uscc = ?
                """,
            arguments: [
                recognition.kind.rawValue, recognition.level.rawValue, recognition.year, recognition.title,
                recognition.id, recognition.uscc.value,
            ])
        if db.changesCount == 0 { throw StoreError.notFound }
    }

    func deleteRecognition(id: Int64) throws {
        try db.execute(sql: "DELETE FROM recognition WHERE id = ?", arguments: [id])
        if db.changesCount == 0 { throw StoreError.notFound }
    }
}
