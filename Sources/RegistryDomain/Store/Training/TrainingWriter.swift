public protocol TrainingWriter {
    /// Stores a new session (its id is ignored) and returns it with its id.
    func insert(_ session: TrainingSession, createdBy: String, at: String) throws -> TrainingSession
    /// Replaces the session's whole attendance list and raises its revision.
    func replaceAttendance(ofSession sessionID: Int64, with list: [Attendance]) throws
    /// Stores an attempt as judged and returns its id.
    func insert(
        _ attempt: ExamAttempt, passMark: Int, passed: Bool, certificate: CertificateNumber?, recordedBy: String,
        at: String
    ) throws -> Int64
    /// Stores a new certificate. - Throws: `StoreError.duplicate` for a number already given.
    func insert(_ certificate: Certificate, at: String) throws
    /// Stores the certificate's new expiry and appends `renewal` to its history.
    func renew(_ certificate: Certificate, _ renewal: CertificateRenewal, at: String) throws
    /// Revokes the certificate from `certificate.revokedOn`, naming the exit that did it.
    func revoke(_ certificate: Certificate, byAction actionID: Int64) throws
    /// Enters a serious supervision action in its person's credit record.
    func enterInCreditRecord(personID: Int64, actionID: Int64, at: String) throws
}
