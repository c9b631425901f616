public protocol TrainingReader {
    func trainingSession(id: Int64) throws -> TrainingSessionRecord?
    /// Sessions matching `query`, in id order, at most `query.limit`.
    func trainingSessions(_ query: TrainingSessionQuery) throws -> [TrainingSessionRecord]
    /// The session's attendance list, in person id order.
    func attendance(ofSession sessionID: Int64) throws -> [Attendance]
    /// Of `personIDs`, those filed in an appointment (any status) at an enterprise within every prefix of
    /// `regionPrefixes` (appoint first, train after).
    func filedPeople(among personIDs: [Int64], within regionPrefixes: [RegionCode]) throws -> Set<Int64>
    func attendance(ofPerson personID: Int64) throws -> [PersonAttendance]
    /// Hours in tenths the person attended in sessions ending from `from` to `through`.
    func attendedHours(ofPerson personID: Int64, endingFrom from: CivilDate, through: CivilDate) throws -> Int64
    func examAttempts(ofPerson personID: Int64) throws -> [ExamAttemptRecord]
    func certificates(ofPerson personID: Int64) throws -> [CertificateRecord]
    func certificate(number: CertificateNumber) throws -> CertificateRecord?
    /// The name in the person's latest filing (for public verification, which shows it masked).
    func latestFiledName(ofPerson personID: Int64) throws -> String?
    func creditRecord(ofPerson personID: Int64) throws -> [CreditRecordEntry]
    /// Members matching `query`, in person id order, at most `query.limit`.
    func talentPool(_ query: TalentPoolQuery) throws -> [TalentPoolMember]
}
