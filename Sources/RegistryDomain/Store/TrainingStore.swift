/// A training session as stored: its revision (raised by every change to it or its attendance) and who made it.
public struct TrainingSessionRecord: Sendable, Hashable {
    public var session: TrainingSession
    public var revision: Int64
    public var attendees: Int
    public var createdBy: String
    /// RFC 3339 UTC instant.
    public var createdAt: String

    public init(session: TrainingSession, revision: Int64, attendees: Int, createdBy: String, createdAt: String) {
        self.session = session
        self.revision = revision
        self.attendees = attendees
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// Which sessions a list asks for. Every region prefix must match the session's region.
public struct TrainingSessionQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var provider: String?
    public var mode: TrainingMode?
    /// Sessions ending on or after.
    public var from: CivilDate?
    /// Sessions starting on or before.
    public var to: CivilDate?
    public var afterID: Int64?
    public var limit = 50

    public init() {}
}

/// One session a person attended, with what the person record shows of it.
public struct PersonAttendance: Sendable, Hashable {
    public var sessionID: Int64
    public var title: String
    public var provider: String
    public var startsOn: CivilDate
    public var endsOn: CivilDate
    public var hours: TrainingHours

    public init(
        sessionID: Int64, title: String, provider: String, startsOn: CivilDate, endsOn: CivilDate,
        hours: TrainingHours
    ) {
        self.sessionID = sessionID
        self.title = title
        self.provider = provider
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.hours = hours
    }
}

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

/// One renewal of a certificate with continuing education.
public struct CertificateRenewal: Sendable, Hashable {
    public var renewedOn: CivilDate
    public var previousExpiresOn: CivilDate
    public var expiresOn: CivilDate
    public var hours: Int64
    public var actor: String

    /// `hours` in tenths, as `TrainingHours` counts them.
    public init(renewedOn: CivilDate, previousExpiresOn: CivilDate, expiresOn: CivilDate, hours: Int64, actor: String) {
        self.renewedOn = renewedOn
        self.previousExpiresOn = previousExpiresOn
        self.expiresOn = expiresOn
        self.hours = hours
        self.actor = actor
    }
}

/// A certificate as stored, with its renewals in order.
public struct CertificateRecord: Sendable, Hashable {
    public var certificate: Certificate
    public var renewals: [CertificateRenewal]

    public init(certificate: Certificate, renewals: [CertificateRenewal]) {
        self.certificate = certificate
        self.renewals = renewals
    }

    /// The day continuing education counts from for the next renewal: the day after the last renewal, or the
    /// issue date.
    public var continuingEducationSince: CivilDate {
        renewals.last.map { $0.renewedOn.adding(days: 1) } ?? certificate.issuedOn
    }
}

/// An entry of a person's credit record (个人诚信档案): a serious supervision action.
public struct CreditRecordEntry: Sendable, Hashable {
    public var action: SupervisionAction
    public var uscc: USCC
    public var regionCode: RegionCode

    public init(action: SupervisionAction, uscc: USCC, regionCode: RegionCode) {
        self.action = action
        self.uscc = uscc
        self.regionCode = regionCode
    }
}

/// Which talent-pool members a list asks for: people holding a certificate valid on `day`, by their current
/// filing's enterprise (the latest registered one, else the latest).
public struct TalentPoolQuery: Sendable, Hashable {
    public var day: CivilDate
    public var regionPrefixes: [RegionCode] = []
    public var uscc: USCC?
    public var sizeClass: SizeClass?
    /// GB/T 4754 code prefix of the enterprise's industry.
    public var industryPrefix: String?
    /// Certificates expiring before this day.
    public var expiringBefore: CivilDate?
    public var afterPersonID: Int64?
    public var limit = 50

    public init(day: CivilDate) { self.day = day }
}

/// A talent-pool member: the certificate and the person's current filing.
public struct TalentPoolMember: Sendable, Hashable {
    public var certificate: Certificate
    public var filing: AppointmentRecord
    public var enterpriseName: String

    public init(certificate: Certificate, filing: AppointmentRecord, enterpriseName: String) {
        self.certificate = certificate
        self.filing = filing
        self.enterpriseName = enterpriseName
    }
}

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
