import HTTPServer
import RegistryDomain

/// A roster CSV (API.md): a header row naming enterprise fields in any order; an unknown column is an error
/// naming it; booleans `true`/`false`; an empty cell is an absent value. Lines are file lines, the header being 1.
enum RosterImport {
    static let columns: Set<String> = [
        "uscc", "name", "region_code", "size_class", "above_scale", "industry_code", "sector", "employees",
        "revenue_cny", "registered_on", "deregistered_on",
    ]

    /// What parsing a roster found: valid enterprises (with their lines) and every problem.
    struct Parsed {
        var enterprises: [(line: Int, enterprise: Enterprise)] = []
        var problems: [FieldViolation] = []
        var lineCount = 0
        /// Lines with at least one problem.
        var invalidLines = Set<Int>()
    }

    /// Parses and validates every line. `inScope` rejects enterprises outside the importer's jurisdiction.
    static func parse(_ text: String, inScope: (Enterprise) -> Bool = { _ in true }) -> Parsed {
        var parsed = Parsed()
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            let violation = error.violation
            parsed.problems = [violation]
            parsed.invalidLines = [violation.line ?? 1]
            return parsed
        }
        guard let header = records.first else {
            parsed.problems = [
                FieldViolation(field: "", code: "required", message: "the file has no header row", line: 1)
            ]
            return parsed
        }
        let names = header.fields.map { $0.trimmingSpaces() }
        for (index, name) in names.enumerated() {
            if !columns.contains(name) {
                parsed.problems.append(
                    FieldViolation(
                        field: name, code: "unknown_column", message: "\"\(name)\" is not an enterprise field",
                        line: header.line))
            } else if names[..<index].contains(name) {
                parsed.problems.append(
                    FieldViolation(
                        field: name, code: "duplicate_column", message: "column \(name) appears twice",
                        line: header.line))
            }
        }
        if !names.contains("uscc") {
            parsed.problems.append(
                FieldViolation(
                    field: "uscc", code: "required", message: "the header needs a uscc column", line: header.line))
        }
        guard parsed.problems.isEmpty else {
            parsed.invalidLines = [header.line]
            return parsed
        }
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
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
                parsed.invalidLines.insert(record.line)
                parsed.problems += problems.map {
                    FieldViolation(field: $0.field, code: $0.code, message: $0.message, line: record.line)
                }
            }
        }
        return parsed
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
