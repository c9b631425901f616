import RegistryDomain

/// Exam results for a whole class as CSV (`POST /v1/exams/import`): a header naming `person_id`, `taken_on`,
/// `score` and optionally `session_id`, in any order; one attempt a line. Lines are file lines, the header being 1.
enum ExamImport {
    static let columns: Set<String> = ["person_id", "taken_on", "score", "session_id"]
    static let required = ["person_id", "taken_on", "score"]

    /// The valid attempts with their lines, and every violation (each naming its line).
    struct Parsed: Sendable {
        var attempts: [(line: Int, attempt: ExamAttempt)] = []
        var problems: [FieldViolation] = []
        var lines = 0
    }

    static func parse(_ text: String, today: CivilDate, policy: ExamPolicy) -> Parsed {
        var parsed = Parsed()
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            parsed.problems.append(error.violation)
            return parsed
        }
        guard let header = records.first else {
            parsed.problems.append(
                FieldViolation(field: "", code: "required", message: "the file has no header row", line: 1))
            return parsed
        }
        let names = header.fields.map { $0.trimmingSpaces() }
        for name in names where !columns.contains(name) {
            parsed.problems.append(
                FieldViolation(
                    field: name, code: "unknown", message: "\(name) is not a column of exam results", line: header.line)
            )
        }
        for name in required where !names.contains(name) {
            parsed.problems.append(
                FieldViolation(
                    field: name, code: "required", message: "the header needs a \(name) column", line: header.line))
        }
        guard parsed.problems.isEmpty else { return parsed }
        for record in records.dropFirst() {
            parsed.lines += 1
            guard record.fields.count == names.count else {
                parsed.problems.append(
                    FieldViolation(
                        field: "", code: "columns",
                        message: "the line has \(record.fields.count) cells; the header has \(names.count)",
                        line: record.line))
                continue
            }
            var cells: [String: String] = [:]
            for (name, cell) in zip(names, record.fields) where !cell.isEmpty { cells[name] = cell.trimmingSpaces() }
            var violations: [FieldViolation] = []
            func whole(_ name: String) -> Int64? {
                guard let text = cells[name] else { return nil }
                guard let value = Int64(text) else {
                    violations.append(FieldViolation(field: name, code: "type", message: "\(name) is a whole number"))
                    return nil
                }
                return value
            }
            let personID = whole("person_id")
            let sessionID = whole("session_id")
            let score = whole("score").flatMap { Int(exactly: $0) }
            do {
                let attempt = try ExamAttempt.validated(
                    ExamAttempt.Draft(
                        personID: personID, takenOn: cells["taken_on"], score: score, sessionID: sessionID),
                    today: today, policy: policy)
                if violations.isEmpty { parsed.attempts.append((record.line, attempt)) }
            } catch {
                violations += error.violations.filter { violation in
                    !violations.contains { $0.field == violation.field }
                }
            }
            parsed.problems += violations.map {
                FieldViolation(field: $0.field, code: $0.code, message: $0.message, line: record.line)
            }
        }
        return parsed
    }
}
