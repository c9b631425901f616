/// A certificate issued on passing the assessment (001 §(七)): it puts its holder in the talent pool while it is
/// valid and not revoked.
public struct Certificate: Hashable, Sendable {
    public var number: CertificateNumber
    public var personID: Int64
    public var issuedOn: CivilDate
    /// The last day of validity (inclusive).
    public var expiresOn: CivilDate
    /// The day an exit revoked it (001 §(十三)); revoked from that day on.
    public var revokedOn: CivilDate?

    public init(
        number: CertificateNumber, personID: Int64, issuedOn: CivilDate, expiresOn: CivilDate,
        revokedOn: CivilDate? = nil
    ) {
        self.number = number
        self.personID = personID
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.revokedOn = revokedOn
    }

    /// A certificate issued on `issuedOn` under `policy`, expiring `policy.expiry(issuedOn:)`.
    public static func issued(
        number: CertificateNumber, personID: Int64, on issuedOn: CivilDate, policy: CertificatePolicy = .init()
    ) -> Certificate {
        Certificate(
            number: number, personID: personID, issuedOn: issuedOn, expiresOn: policy.expiry(issuedOn: issuedOn))
    }

    /// The status on `date`: `revoked` from `revokedOn`, else `expired` after `expiresOn`, else `valid`.
    ///
    /// Public verification asks on today. A date before issuance reads `valid` here; use `isValid(on:)` for
    /// "held a valid certificate on that date" (coverage as of a past date).
    public func status(on date: CivilDate) -> CertificateStatus {
        if let revokedOn, revokedOn <= date { return .revoked }
        return date > expiresOn ? .expired : .valid
    }

    /// Whether the certificate was in force on `date`: issued by then, not expired, not revoked.
    public func isValid(on date: CivilDate) -> Bool { issuedOn <= date && status(on: date) == .valid }

    /// The certificate revoked from `date` (an exit); an earlier revocation stands.
    public func revoked(on date: CivilDate) -> Certificate {
        var next = self
        next.revokedOn = min(revokedOn ?? date, date)
        return next
    }
}

/// A certificate's status for public verification (API.md `GET /v1/certificates/{number}`). Raw values are wire names.
public enum CertificateStatus: String, CaseIterable, Codable, Sendable {
    case valid, expired, revoked
}
