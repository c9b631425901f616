import GRDB
import RegistryDomain

/// One `region` row. Decoding throws `StoredRowError` for a row the domain cannot read.
struct RegionRow: FetchableRecord {
    enum Columns: String, ColumnExpression {
        case code, name, revision
        case parentCode = "parent_code"
        case updatedAt = "updated_at"
    }

    static let selection = "SELECT code, name, parent_code, revision, updated_at FROM region"

    var record: RegionRecord

    init(row: Row) throws {
        let text: String = row[Columns.code]
        func fail(_ column: Columns) -> StoredRowError {
            StoredRowError(table: "region \(text)", column: column.rawValue)
        }
        guard let code = try? RegionCode(text) else { throw fail(.code) }
        var parent: RegionCode?
        if let parentText: String = row[Columns.parentCode] {
            guard let parentCode = try? RegionCode(parentText) else { throw fail(.parentCode) }
            parent = parentCode
        }
        record = RegionRecord(
            region: Region(code: code, name: row[Columns.name], parentCode: parent), revision: row[Columns.revision],
            updatedAt: row[Columns.updatedAt])
    }
}
