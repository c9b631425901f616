import RegistryDomain

/// Coverage answers and worklists as CSV (RFC 4180), UTF-8 with a byte order mark so that Excel opens Chinese
/// text correctly. One row per group and one `total` row per date.
enum CoverageCSV {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let reportHeader =
        "as_of,region,metric,group_by,group,total,covered,ratio,target_id,target_ratio,target_deadline,shortfall,met"

    static func reports(_ reports: [CoverageReport]) -> [UInt8] {
        var lines = [reportHeader]
        for report in reports {
            for group in report.groups { lines.append(row(report.query, group, group.key ?? "")) }
            lines.append(row(report.query, report.total, "total"))
        }
        return byteOrderMark + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func row(_ query: CoverageQuery, _ figures: CoverageFigures, _ group: String) -> String {
        [
            query.asOf.description, query.region.value, query.metric.rawValue, query.groupBy?.rawValue ?? "", group,
            String(figures.total), String(figures.covered), figures.ratioText() ?? "",
            figures.target.map { String($0.id) } ?? "", figures.target?.ratio.description ?? "",
            figures.target?.deadline.description ?? "", figures.shortfall.map(String.init) ?? "",
            figures.met.map { String($0) } ?? "",
        ].map(field).joined(separator: ",")
    }

    static let worklistHeader =
        "uscc,name,region_code,size_class,above_scale,industry_code,sector,registered_on,covered_on"

    /// Uncovered enterprises as of `day`.
    static func worklist(_ enterprises: [Enterprise], day: CivilDate) -> [UInt8] {
        var text = worklistHeader + "\r\n"
        for e in enterprises {
            text += [
                e.uscc.value, e.name, e.regionCode.value, e.sizeClass.rawValue, String(e.aboveScale),
                e.industryCode.value, e.sector.rawValue, e.registeredOn?.description ?? "", day.description,
            ].map(field).joined(separator: ",") + "\r\n"
        }
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
