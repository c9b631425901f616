public protocol AppointmentDocumentReader {
    /// The latest version of an appointment's document of `kind`, with its content; nil when none was uploaded.
    func latestDocument(appointmentID: Int64, kind: DocumentKind) throws
        -> (document: AppointmentDocument, content: [UInt8])?
    /// Every version's metadata, oldest first.
    func documentVersions(appointmentID: Int64, kind: DocumentKind) throws -> [AppointmentDocument]
}

public protocol AppointmentDocumentWriter {
    /// Stores `content` as the next version (the given `version` is ignored); returns the stored metadata.
    func insert(_ document: AppointmentDocument, content: [UInt8]) throws -> AppointmentDocument
}
