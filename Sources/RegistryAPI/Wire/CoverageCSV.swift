import RegistryDomain

/// Coverage answers and worklists as tables: CSV (RFC 4180, UTF-8 with a byte order mark so that Excel opens
/// Chinese text correctly) or an XLSX workbook. One row per group and one `total` row per date.
enum CoverageCSV {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let reportHeader = [
        "as_of", "region", "metric", "group_by", "group", "total", "covered", "ratio", "target_id", "target_ratio",
        "target_deadline", "shortfall", "met",
    ]
    /// Columns of `reportHeader` that hold numbers.
    static let reportNumericColumns: Set<Int> = [5, 6, 7, 8, 9, 11]

    static func reportRows(_ reports: [CoverageReport]) -> [[String]] {
        var rows = [reportHeader]
        for report in reports {
            for group in report.groups { rows.append(row(report.query, group, group.key ?? "")) }
            rows.append(row(report.query, report.total, "total"))
        }
        return rows
    }

    static func row(_ query: CoverageQuery, _ figures: CoverageFigures, _ group: String) -> [String] {
        [
            query.asOf.description, query.region.value, query.metric.rawValue, query.groupBy?.rawValue ?? "", group,
            String(figures.total), String(figures.covered), figures.ratioText() ?? "",
            figures.target.map { String($0.id) } ?? "", figures.target?.ratio.description ?? "",
            figures.target?.deadline.description ?? "", figures.shortfall.map(String.init) ?? "",
            figures.met.map { String($0) } ?? "",
        ]
    }

    static let worklistHeader = [
        "uscc", "name", "region_code", "size_class", "above_scale", "industry_code", "sector", "registered_on",
        "uncovered_on",
    ]

    /// Uncovered enterprises as of `day`.
    static func worklistRows(_ enterprises: [Enterprise], day: CivilDate) -> [[String]] {
        [worklistHeader]
            + enterprises.map { e in
                [
                    e.uscc.value, e.name, e.regionCode.value, e.sizeClass.rawValue, String(e.aboveScale),
                    e.industryCode.value, e.sector.rawValue, e.registeredOn?.description ?? "", day.description,
                ]
            }
    }

    /// The rows as CSV text with CRLF line ends, after a byte order mark.
    static func csv(_ rows: [[String]]) -> [UInt8] {
        var text = ""
        for row in rows { text += row.map(field).joined(separator: ",") + "\r\n" }
        return byteOrderMark + Array(text.utf8)
    }

    /// Quotes a field holding a comma, quote or line break; a leading `=`, `+`, `-` or `@` is prefixed with `'`
    /// so that a spreadsheet never runs it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
