import HTTPServer
import RegistryDomain

/// A roster CSV (API.md): a header row naming enterprise fields in any order; an unknown column is an error
/// naming it; booleans `true`/`false`; an empty cell is an absent value. Lines are file lines, the header being 1.
enum RosterImport {
    static let columns: Set<String> = [
        "uscc", "name", "region_code", "size_class", "above_scale", "industry_code", "sector", "employees",
        "revenue_cny", "registered_on", "deregistered_on",
    ]

    /// What parsing a roster found: valid enterprises (with their lines) and the problems (the first thousand
    /// whole, all counted).
    struct Parsed {
        var enterprises: [(line: Int, enterprise: Enterprise)] = []
        var problems = ViolationReport()
        var lineCount = 0
        /// Lines with at least one problem.
        var invalidLines = 0
    }

    /// Parses and validates every line. `inScope` rejects enterprises outside the importer's jurisdiction.
    static func parse(_ text: String, inScope: (Enterprise) -> Bool = { _ in true }) -> Parsed {
        var parsed = Parsed()
        var header: CSVReader.Record?
        var names: [String] = []
        var seen: [String: Int] = [:]
        // Record by record: memory stays that of the text and the valid enterprises, whatever the file holds.
        do {
            try CSVReader.forEachRecord(text) { record -> Bool in
                guard header != nil else {
                    header = record
                    names = record.fields.map { $0.trimmingSpaces() }
                    checkHeader(names, line: record.line, into: &parsed)
                    return parsed.problems.isEmpty
                }
                parseLine(record, names: names, seen: &seen, inScope: inScope, into: &parsed)
                return true
            }
        } catch {
            parsed = Parsed()
            parsed.problems.add(error.violation)
            parsed.invalidLines = 1
            return parsed
        }
        if header == nil {
            parsed.problems.add(
                FieldViolation(field: "", code: "required", message: "the file has no header row", line: 1))
        } else if parsed.lineCount == 0, !parsed.problems.isEmpty {
            parsed.invalidLines = 1
        }
        return parsed
    }

    /// Unknown, repeated and missing columns of the header row.
    private static func checkHeader(_ names: [String], line: Int, into parsed: inout Parsed) {
        for (index, name) in names.enumerated() {
            if !columns.contains(name) {
                parsed.problems.add(
                    FieldViolation(
                        field: name, code: "unknown_column", message: "\"\(name)\" is not an enterprise field",
                        line: line))
            } else if names[..<index].contains(name) {
                parsed.problems.add(
                    FieldViolation(
                        field: name, code: "duplicate_column", message: "column \(name) appears twice", line: line))
            }
        }
        if !names.contains("uscc") {
            parsed.problems.add(
                FieldViolation(field: "uscc", code: "required", message: "the header needs a uscc column", line: line))
        }
    }

    /// One data line: a valid enterprise, or its problems.
    private static func parseLine(
        _ record: CSVReader.Record, names: [String], seen: inout [String: Int], inScope: (Enterprise) -> Bool,
        into parsed: inout Parsed
    ) {
        parsed.lineCount += 1
        var problems: [FieldViolation] = []
        if record.fields.count != names.count {
            problems.append(
                FieldViolation(
                    field: "", code: "columns",
                    message: "the line has \(record.fields.count) cells; the header has \(names.count)",
                    line: record.line))
        } else {
            let cells = Dictionary(uniqueKeysWithValues: zip(names, record.fields.map { $0.isEmpty ? nil : $0 }))
            var input = input(cells, &problems)
            input.uscc = cells["uscc"] ?? nil
            do {
                let enterprise = try input.validated()
                if !problems.isEmpty {
                    // A cell of the wrong type already condemned the line.
                } else if let first = seen[enterprise.uscc.value] {
                    problems.append(
                        FieldViolation(
                            field: "uscc", code: "duplicate", message: "this USCC is on line \(first) already"))
                } else if !inScope(enterprise) {
                    problems.append(
                        FieldViolation(
                            field: "region_code", code: "out_of_scope",
                            message: "region_code is outside your token's region"))
                } else {
                    seen[enterprise.uscc.value] = record.line
                    parsed.enterprises.append((record.line, enterprise))
                }
            } catch {
                problems += error.violations
            }
        }
        if !problems.isEmpty {
            parsed.invalidLines += 1
            for problem in problems {
                parsed.problems.add(
                    FieldViolation(
                        field: problem.field, code: problem.code, message: problem.message, line: record.line))
            }
        }
    }

    private static func input(_ cells: [String: String?], _ problems: inout [FieldViolation]) -> EnterpriseInput {
        func cell(_ name: String) -> String? { cells[name] ?? nil }
        func boolean(_ name: String) -> Bool? {
            guard let text = cell(name) else { return nil }
            switch text {
            case "true": return true
            case "false": return false
            default:
                problems.append(FieldViolation(field: name, code: "type", message: "\(name) is true or false"))
                return nil
            }
        }
        func integer(_ name: String) -> Int64? {
            guard let text = cell(name) else { return nil }
            guard let value = Int64(text) else {
                problems.append(FieldViolation(field: name, code: "type", message: "\(name) is a whole number"))
                return nil
            }
            return value
        }
        let employees = integer("employees")
        return EnterpriseInput(
            name: cell("name"), regionCode: cell("region_code"), sizeClass: cell("size_class"),
            aboveScale: boolean("above_scale"), industryCode: cell("industry_code"), sector: cell("sector"),
            employees: employees.flatMap { Int(exactly: $0) }, revenueCNY: integer("revenue_cny"),
            registeredOn: cell("registered_on"), deregisteredOn: cell("deregistered_on"))
    }
}
