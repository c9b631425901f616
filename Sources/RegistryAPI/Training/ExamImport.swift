import RegistryDomain

/// Exam results for a whole class as CSV (`POST /v1/exams/import`): a header naming `person_id`, `taken_on`,
/// `score` and optionally `session_id`, in any order; one attempt a line. Lines are file lines, the header being 1.
enum ExamImport {
    static let columns: Set<String> = ["person_id", "taken_on", "score", "session_id"]
    static let required = ["person_id", "taken_on", "score"]

    /// The valid attempts with their lines, and the violations (the first thousand whole, all counted).
    struct Parsed: Sendable {
        var attempts: [(line: Int, attempt: ExamAttempt)] = []
        var problems = ViolationReport()
        var lines = 0
        /// Lines with at least one violation.
        var invalid = 0
    }

    /// Parses record by record, as the roster import does: memory follows the text and the valid attempts.
    static func parse(_ text: String, today: CivilDate, policy: ExamPolicy) -> Parsed {
        var parsed = Parsed()
        var names: [String]?
        do {
            try CSVReader.forEachRecord(text) { record -> Bool in
                guard let columns = names else {
                    names = record.fields.map { $0.trimmingSpaces() }
                    checkHeader(names ?? [], line: record.line, into: &parsed)
                    return parsed.problems.isEmpty
                }
                parseLine(record, names: columns, today: today, policy: policy, into: &parsed)
                return true
            }
        } catch {
            parsed = Parsed()
            parsed.problems.add(error.violation)
            return parsed
        }
        if names == nil {
            parsed.problems.add(
                FieldViolation(field: "", code: "required", message: "the file has no header row", line: 1))
        }
        return parsed
    }

    /// Unknown and missing columns of the header row.
    private static func checkHeader(_ names: [String], line: Int, into parsed: inout Parsed) {
        for name in names where !columns.contains(name) {
            parsed.problems.add(
                FieldViolation(
                    field: name, code: "unknown", message: "\(name) is not a column of exam results", line: line))
        }
        for name in required where !names.contains(name) {
            parsed.problems.add(
                FieldViolation(field: name, code: "required", message: "the header needs a \(name) column", line: line))
        }
    }

    /// One data line: a valid attempt, or its violations.
    private static func parseLine(
        _ record: CSVReader.Record, names: [String], today: CivilDate, policy: ExamPolicy, into parsed: inout Parsed
    ) {
        parsed.lines += 1
        guard record.fields.count == names.count else {
            parsed.invalid += 1
            parsed.problems.add(
                FieldViolation(
                    field: "", code: "columns",
                    message: "the line has \(record.fields.count) cells; the header has \(names.count)",
                    line: record.line))
            return
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
                ExamAttempt.Draft(personID: personID, takenOn: cells["taken_on"], score: score, sessionID: sessionID),
                today: today, policy: policy)
            if violations.isEmpty { parsed.attempts.append((record.line, attempt)) }
        } catch {
            violations += error.violations.filter { violation in !violations.contains { $0.field == violation.field } }
        }
        guard !violations.isEmpty else { return }
        parsed.invalid += 1
        for violation in violations {
            parsed.problems.add(
                FieldViolation(
                    field: violation.field, code: violation.code, message: violation.message, line: record.line))
        }
    }
}
