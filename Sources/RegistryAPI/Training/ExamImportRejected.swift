import HTTPServer
import RegistryDomain

/// A rejected exam import: every invalid line, and nothing written.
struct ExamImportRejected: Error, ProblemConvertible {
    var lines: Int
    var problems: [FieldViolation]

    var problem: Problem {
        let invalid = Set(problems.compactMap(\.line)).count
        return Problem(
            .unprocessableContent, type: ProblemType.validation, title: "The exam results have invalid lines",
            detail: "\(invalid) of \(lines) lines are invalid; nothing was written",
            errors: problems.map {
                Problem.FieldError(
                    field: $0.field.isEmpty ? nil : $0.field, code: $0.code, message: $0.message, line: $0.line)
            })
    }
}
