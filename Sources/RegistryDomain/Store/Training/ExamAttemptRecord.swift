/// An exam attempt as stored: its id, how it was judged, and the certificate it issued (nil for a fail, or for a
/// pass while a certificate was already valid).
public struct ExamAttemptRecord: Sendable, Hashable {
    public var id: Int64
    public var attempt: ExamAttempt
    public var passMark: Int
    public var passed: Bool
    public var certificateNumber: CertificateNumber?
    public var recordedBy: String
    public var recordedAt: String

    public init(
        id: Int64, attempt: ExamAttempt, passMark: Int, passed: Bool, certificateNumber: CertificateNumber?,
        recordedBy: String, recordedAt: String
    ) {
        self.id = id
        self.attempt = attempt
        self.passMark = passMark
        self.passed = passed
        self.certificateNumber = certificateNumber
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
