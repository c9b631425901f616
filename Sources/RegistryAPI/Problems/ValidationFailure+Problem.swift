import HTTPServer
import RegistryDomain

extension ValidationFailure: ProblemConvertible {
    package var problem: Problem {
        Problem(
            .unprocessableContent, type: ProblemType.validation, title: "The input breaks the registry's rules",
            detail: violations.count == 1
                ? violations[0].message : "\(violations.count) fields are not valid; see errors",
            errors: violations.map {
                Problem.FieldError(
                    field: $0.field.isEmpty ? nil : $0.field, code: $0.code, message: $0.message, line: $0.line)
            })
    }
}
