import GRDB
import RegistryDomain

/// A row of `SQLiteAccess.documentColumns` decoded by column name; one that does not parse is
/// `StoreError.unreadable`, never left out of the versions.
struct AppointmentDocumentRow: FetchableRecord {
    enum Columns {
        static let appointmentID = Column("appointment_id")
        static let kind = Column("kind")
        static let version = Column("version")
        static let contentType = Column("content_type")
        static let size = Column("size")
        static let sha256 = Column("sha256")
        static let uploadedAt = Column("uploaded_at")
        static let uploadedBy = Column("uploaded_by")
    }

    let document: AppointmentDocument

    init(row: Row) throws {
        let appointmentID: Int64 = try row.decode(forColumn: Columns.appointmentID)
        let version: Int = try row.decode(forColumn: Columns.version)
        func parsed<Value>(_ column: Column, _ parse: (String) throws -> Value?) throws -> Value {
            try StoredValue.parse(
                row.decode(forColumn: column), "appointment_document", "\(appointmentID) v\(version)", column.name,
                parse)
        }
        document = AppointmentDocument(
            appointmentID: appointmentID, kind: try parsed(Columns.kind) { DocumentKind(rawValue: $0) },
            version: version, format: try parsed(Columns.contentType) { DocumentFormat(mediaType: $0) },
            size: try row.decode(forColumn: Columns.size), sha256: try row.decode(forColumn: Columns.sha256),
            uploadedAt: try row.decode(forColumn: Columns.uploadedAt),
            uploadedBy: try row.decode(forColumn: Columns.uploadedBy))
    }
}
