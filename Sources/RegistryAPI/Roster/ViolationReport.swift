import HTTPServer
import RegistryDomain

/// The violations of a line-oriented upload (a roster or exam CSV), bounded: the first `maximumKept` in line
/// order are kept whole; every one is counted, in total and by code. A file of 1.5 million bad lines then answers
/// a report of a thousand errors and a few counts, not a gigabyte.
package struct ViolationReport: Sendable {
    static let maximumKept = 1_000

    /// The first violations, in line order.
    package private(set) var kept: [FieldViolation] = []
    /// How many there are, kept or not.
    package private(set) var total = 0
    /// How many there are of each code.
    private(set) var byCode: [String: Int] = [:]

    var isEmpty: Bool { total == 0 }

    /// Adds `violation`, keeping it if fewer than `maximumKept` are (violations arrive in line order).
    mutating func add(_ violation: FieldViolation) {
        total += 1
        byCode[violation.code, default: 0] += 1
        if kept.count < Self.maximumKept { kept.append(violation) }
    }

    /// Adds violations found later that may lie on earlier lines; the kept ones stay the first in line order.
    mutating func merge(_ violations: [FieldViolation]) {
        for violation in violations {
            total += 1
            byCode[violation.code, default: 0] += 1
        }
        kept = Array((kept + violations).sorted { ($0.line ?? 0) < ($1.line ?? 0) }.prefix(Self.maximumKept))
    }

    /// The counts by code, sorted by code.
    var counts: [(code: String, count: Int)] { byCode.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// The 422 of a rejected upload: the kept violations as `errors`, the counts as `error_total` and
    /// `error_counts`, and a detail saying how many of the file's `lines` are `invalid`.
    func problem(title: String, lines: Int, invalid: Int) -> Problem {
        var problem = Problem(
            .unprocessableContent, type: ProblemType.validation, title: title,
            detail: "\(invalid) of \(lines) lines are invalid; nothing was written"
                + (total > kept.count ? " (the first \(kept.count) of \(total) errors are listed)" : ""),
            errors: kept.map {
                Problem.FieldError(
                    field: $0.field.isEmpty ? nil : $0.field, code: $0.code, message: $0.message, line: $0.line)
            })
        problem.errorTotal = total
        problem.errorCounts = counts
        return problem
    }
}
