import HTTPServer
import RegistryDomain

/// A rejected exam import: the invalid lines (the first thousand errors whole, all counted), and nothing written.
struct ExamImportRejected: Error, ProblemConvertible {
    var lines: Int
    var invalid: Int
    var problems: ViolationReport

    var problem: Problem {
        problems.problem(title: "The exam results have invalid lines", lines: lines, invalid: invalid)
    }
}
