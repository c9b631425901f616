import RegistryDomain

/// Coverage answers and worklists as tables: CSV (RFC 4180, UTF-8 with a byte order mark so that Excel opens
/// Chinese text correctly) or an XLSX workbook. One row per group and one `total` row per date. Division codes
/// have their names beside them (`region_name`, `group_name`; empty when a code has none; a worklist's enterprise
/// gets the name of its code's longest named prefix).
enum CoverageCSV {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let reportHeader = [
        "as_of", "region", "region_name", "metric", "group_by", "group", "group_name", "total", "covered", "ratio",
        "target_id", "target_ratio", "target_deadline", "shortfall", "met",
    ]
    /// Columns of `reportHeader` that hold numbers.
    static let reportNumericColumns: Set<Int> = [7, 8, 9, 10, 11, 13]

    static func reportRows(_ reports: [CoverageReport], names: RegionNames = .none) -> [[String]] {
        var rows = [reportHeader]
        for report in reports {
            for group in report.groups {
                let name = names.groups ? group.key.flatMap { names[$0] } : nil
                rows.append(row(report.query, group, group.key ?? "", name: name, names: names))
            }
            rows.append(row(report.query, report.total, "total", name: nil, names: names))
        }
        return rows
    }

    static func row(
        _ query: CoverageQuery, _ figures: CoverageFigures, _ group: String, name: String?, names: RegionNames
    ) -> [String] {
        [
            query.asOf.description, query.region.value, names[query.region.value] ?? "", query.metric.rawValue,
            query.groupBy?.rawValue ?? "", group, name ?? "", String(figures.total), String(figures.covered),
            figures.ratioText() ?? "",
            figures.target.map { String($0.id) } ?? "", figures.target?.ratio.description ?? "",
            figures.target?.deadline.description ?? "", figures.shortfall.map(String.init) ?? "",
            figures.met.map { String($0) } ?? "",
        ]
    }

    static let worklistHeader = [
        "uscc", "name", "region_code", "region_name", "size_class", "above_scale", "industry_code", "sector",
        "registered_on", "uncovered_on",
    ]

    /// Uncovered enterprises as of `day`.
    static func worklistRows(_ enterprises: [Enterprise], day: CivilDate, names: RegionNames = .none) -> [[String]] {
        [worklistHeader]
            + enterprises.map { e in
                [
                    e.uscc.value, e.name, e.regionCode.value, names.nearest(e.regionCode.value) ?? "",
                    e.sizeClass.rawValue, String(e.aboveScale),
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

    /// Quotes a field holding a comma, quote or line break; a field that could run as a formula (`FormulaGuard`)
    /// is prefixed with `'`, except a plain number such as `-1`.
    static func field(_ text: String) -> String {
        var value = text
        if Double(value) == nil { value = FormulaGuard.safe(value) }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
