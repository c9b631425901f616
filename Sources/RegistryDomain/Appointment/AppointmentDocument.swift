/// A document attached to a filing (001 §(十五)): the appointment decision (任命决定) or the commitment letter
/// (承诺书), as stored. Every upload is a new version; earlier versions are kept. What is accepted is
/// `DocumentPolicy`'s business.
public struct AppointmentDocument: Hashable, Sendable {
    public var appointmentID: Int64
    public var kind: DocumentKind
    /// 1 for the first upload, then one more for each re-upload.
    public var version: Int
    public var format: DocumentFormat
    public var size: Int
    /// Lower-case hex SHA-256 of the content.
    public var sha256: String
    /// RFC 3339 UTC instant of the upload.
    public var uploadedAt: String
    /// Who uploaded it, as transition history names actors.
    public var uploadedBy: String

    public init(
        appointmentID: Int64, kind: DocumentKind, version: Int = 0, format: DocumentFormat, size: Int, sha256: String,
        uploadedAt: String, uploadedBy: String
    ) {
        self.appointmentID = appointmentID
        self.kind = kind
        self.version = version
        self.format = format
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
    }
}
