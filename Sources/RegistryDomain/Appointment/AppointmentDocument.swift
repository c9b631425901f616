/// A document attached to a filing (001 §(十五)): the appointment decision (任命决定) or the commitment letter
/// (承诺书). Every upload is a new version; earlier versions are kept.
public struct AppointmentDocument: Hashable, Sendable {
    public var appointmentID: Int64
    public var kind: Kind
    /// 1 for the first upload, then one more for each re-upload.
    public var version: Int
    public var contentType: ContentType
    public var size: Int
    /// Lower-case hex SHA-256 of the content.
    public var sha256: String
    /// RFC 3339 UTC instant of the upload.
    public var uploadedAt: String
    /// Who uploaded it, as transition history names actors.
    public var uploadedBy: String

    public init(
        appointmentID: Int64, kind: Kind, version: Int = 0, contentType: ContentType, size: Int, sha256: String,
        uploadedAt: String, uploadedBy: String
    ) {
        self.appointmentID = appointmentID
        self.kind = kind
        self.version = version
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
    }

    /// Which document. Raw values are the path segment (`/documents/decision`).
    public enum Kind: String, CaseIterable, Sendable {
        /// 任命决定: the enterprise's appointment decision.
        case decision
        /// 承诺书: the commitment letter.
        case commitment
    }

    /// The formats accepted, recognised by their leading bytes (magic numbers), not by what a client declares.
    public enum ContentType: String, CaseIterable, Sendable {
        case pdf = "application/pdf"
        case jpeg = "image/jpeg"
        case png = "image/png"

        /// The format whose signature `bytes` start with, or nil: PDF `%PDF-` (ISO 32000 §7.5.2), JPEG SOI
        /// `FF D8 FF`, PNG's eight-byte signature (RFC 2083 §3.1).
        public static func sniffed(_ bytes: some Collection<UInt8>) -> ContentType? {
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            return nil
        }
    }
}
