/// One thing wrong with one field of some input, in words a client can act on.
public struct FieldViolation: Hashable, Sendable {
    /// The field's path in the wire format, e.g. `person.id_number`, `uscc`, `region_code`.
    public var field: String
    /// A short machine-readable code: `required`, `checksum`, `format`, `length`, `charset`, `range`, `unknown`, …
    public var code: String
    /// A sentence for a person.
    public var message: String
    /// For line-oriented input (a roster CSV): the file line, the header being line 1.
    public var line: Int?

    public init(field: String, code: String, message: String, line: Int? = nil) {
        self.field = field
        self.code = code
        self.message = message
        self.line = line
    }
}

/// Input that breaks the domain's rules: every violation found, not only the first.
public struct ValidationFailure: Error, Hashable, Sendable {
    public var violations: [FieldViolation]

    public init(_ violations: [FieldViolation]) { self.violations = violations }

    public init(field: String, code: String, message: String) {
        self.violations = [FieldViolation(field: field, code: code, message: message)]
    }
}

/// Collects violations while a whole input is checked, so that a client hears of every problem at once.
public struct ViolationCollector: Sendable {
    public private(set) var violations: [FieldViolation] = []

    public init() {}

    public mutating func add(_ field: String, _ code: String, _ message: String) {
        violations.append(FieldViolation(field: field, code: code, message: message))
    }

    public mutating func add(_ failure: ValidationFailure) { violations += failure.violations }

    /// Runs `parse`, keeping its value or recording its violations.
    public mutating func check<T>(_ parse: () throws(ValidationFailure) -> T) -> T? {
        do { return try parse() } catch {
            violations += error.violations
            return nil
        }
    }

    /// Throws every collected violation, if there is any.
    public func throwIfAny() throws(ValidationFailure) {
        if !violations.isEmpty { throw ValidationFailure(violations) }
    }
}
