/// The file attached to a direct report when it was filed (a photo of the defect, a test report): a PDF, JPEG or
/// PNG checked as filing documents are (`DocumentPolicy`), kept with its SHA-256.
public struct DirectReportAttachment: Hashable, Sendable {
    public var format: DocumentFormat
    /// Bytes.
    public var size: Int
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String

    public init(format: DocumentFormat, size: Int, sha256: String) {
        self.format = format
        self.size = size
        self.sha256 = sha256
    }
}
