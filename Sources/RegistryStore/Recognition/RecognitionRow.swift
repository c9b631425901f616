import GRDB
import RegistryDomain

/// One `recognition` row joined with its enterprise's region, as `SQLiteAccess.recognitionSelection` selects it.
/// Decoding throws `StoredRowError` for a row the domain cannot read.
struct RecognitionRow: FetchableRecord {
    enum Columns: String, ColumnExpression {
        case id, uscc, kind, level, year, title, revision
        case regionCode = "region_code"
    }

    var record: RecognitionRecord

    init(row: Row) throws {
        let id: Int64 = row[Columns.id]
        func fail(_ column: Columns) -> StoredRowError {
            StoredRowError(table: "recognition \(id)", column: column.rawValue)
        }
        guard let uscc = try? USCC(row[Columns.uscc] as String) else { throw fail(.uscc) }
        guard let kind = RecognitionKind(rawValue: row[Columns.kind]) else { throw fail(.kind) }
        guard let level = RecognitionLevel(rawValue: row[Columns.level]) else { throw fail(.level) }
        guard let region = try? RegionCode(row[Columns.regionCode] as String) else { throw fail(.regionCode) }
        record = RecognitionRecord(
            recognition: Recognition(
                id: id, uscc: uscc, kind: kind, level: level, year: row[Columns.year], title: row[Columns.title]),
            regionCode: region, revision: row[Columns.revision])
    }
}
