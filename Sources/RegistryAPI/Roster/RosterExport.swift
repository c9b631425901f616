import HTTPServer
import RegistryDomain

/// The roster as CSV for Excel (API.md `GET /v1/enterprises/export`): UTF-8 with a BOM, RFC 4180 quoting, the
/// import's columns in the same order plus the read-only `covered`.
///
/// Decision: a `name` cell that could run as a formula (`FormulaGuard`: `=`, `+`, `-`, `@` or their full-width forms,
/// also after leading spaces or invisible characters) is prefixed with `'` (CSV injection); the other columns are
/// codes, numbers and dates the registry validated.
enum RosterExport {
    static let columns = [
        "uscc", "name", "region_code", "size_class", "above_scale", "industry_code", "sector", "employees",
        "revenue_cny", "registered_on", "deregistered_on", "covered",
    ]
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Enterprises read per page while streaming.
    static let pageSize = 500

    static var header: [UInt8] { byteOrderMark + Array((columns.joined(separator: ",") + "\r\n").utf8) }

    static func line(_ record: EnterpriseRecord) -> String {
        let e = record.enterprise
        let cells: [String] = [
            e.uscc.value, formulaSafe(e.name), e.regionCode.value, e.sizeClass.rawValue, String(e.aboveScale),
            e.industryCode.value, e.sector.rawValue, e.employees.map(String.init) ?? "",
            e.revenueCNY.map(String.init) ?? "",
            e.registeredOn?.description ?? "", e.deregisteredOn?.description ?? "", String(record.covered),
        ]
        return cells.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180 §2: a cell with a comma, quote or line break is quoted, its quotes doubled.
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func formulaSafe(_ text: String) -> String { FormulaGuard.safe(text) }

    /// Streams every enterprise matching `query` (its `after` and `limit` are the export's own), page by page, all
    /// from `snapshot`: the file is one state of the roster however long the client takes to read it.
    static func stream(_ query: EnterpriseQuery, snapshot: any RegistrySnapshot) -> HTTPBodyStream {
        HTTPBodyStream { writer in
            try await writer.write(header)
            var page = query
            page.limit = pageSize
            page.after = nil
            while true {
                // Each page is read as blocking work: the loop serves its other connections meanwhile.
                let next = page
                let records = try await OffLoop.run { try snapshot.read { try $0.enterprises(next) } }
                if !records.isEmpty { try await writer.write(Array(records.map(line).joined().utf8)) }
                guard records.count == pageSize, let last = records.last else { return }
                page.after = last.enterprise.uscc.value
            }
        }
    }
}
