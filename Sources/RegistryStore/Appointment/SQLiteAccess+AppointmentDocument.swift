import Foundation
import GRDB
import RegistryDomain

extension SQLiteAccess {
    static let documentColumns = "appointment_id, kind, version, content_type, size, sha256, uploaded_at, uploaded_by"

    func latestDocument(appointmentID: Int64, kind: DocumentKind) throws
        -> (document: AppointmentDocument, content: [UInt8])?
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.documentColumns), content FROM appointment_document
                    WHERE appointment_id = ? AND kind = ? ORDER BY version DESC LIMIT 1
                    """,
                arguments: [appointmentID, kind.rawValue])
        else { return nil }
        return (try AppointmentDocumentRow(row: row).document, [UInt8](try row.decode(Data.self, forColumn: "content")))
    }

    func documentVersions(appointmentID: Int64, kind: DocumentKind) throws -> [AppointmentDocument] {
        try AppointmentDocumentRow.fetchAll(
            db,
            sql:
                "SELECT \(Self.documentColumns) FROM appointment_document WHERE appointment_id = ? AND kind = ? ORDER BY version",
            arguments: [appointmentID, kind.rawValue]
        ).map(\.document)
    }

    func insert(_ document: AppointmentDocument, content: [UInt8]) throws -> AppointmentDocument {
        var stored = document
        stored.version =
            (try Int.fetchOne(
                db, sql: "SELECT max(version) FROM appointment_document WHERE appointment_id = ? AND kind = ?",
                arguments: [document.appointmentID, document.kind.rawValue]) ?? 0) + 1
        try db.execute(
            sql: """
                INSERT INTO appointment_document (\(Self.documentColumns), content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                stored.appointmentID, stored.kind.rawValue, stored.version, stored.format.mediaType, stored.size,
                stored.sha256, stored.uploadedAt, stored.uploadedBy, Data(content),
            ])
        return stored
    }
}
