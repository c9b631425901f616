/// How long certificates last and how they are renewed (DOMAIN.md "Training, exams, talent pool").
public struct CertificatePolicy: Hashable, Sendable {
    /// *Assumption*: years of validity. The default is 3.
    public var validityYears: Int
    /// *Assumption*: continuing-education hours needed to renew. The default is 24.
    public var renewalHours: Int

    public init(validityYears: Int = 3, renewalHours: Int = 24) {
        self.validityYears = validityYears
        self.renewalHours = renewalHours
    }

    /// The last valid day of a certificate issued on `issuedOn`: the day before the same date `validityYears`
    /// later, so a certificate lasts whole years (2025-03-01 → 2028-02-29; 2025-01-01 → 2027-12-31).
    /// For 29 February in a non-leap year the anniversary is 1 March, so it expires on 28 February.
    public func expiry(issuedOn: CivilDate) -> CivilDate {
        let year = issuedOn.year + validityYears
        let anniversary =
            CivilDate(year: year, month: issuedOn.month, day: issuedOn.day)
            ?? CivilDate(year: year, month: issuedOn.month + 1, day: 1) ?? issuedOn
        return anniversary.adding(days: -1)
    }

    /// Renewal with continuing education: with at least `renewalHours` since the last issue or renewal and a
    /// certificate neither revoked nor expired on `date`, the validity extends by `validityYears` from the
    /// current expiry. Nil when it cannot be renewed.
    public func renewed(_ certificate: Certificate, on date: CivilDate, continuingEducationHours hours: Int)
        -> Certificate?
    {
        guard hours >= renewalHours, certificate.isValid(on: date) else { return nil }
        var next = certificate
        next.expiresOn = expiry(issuedOn: certificate.expiresOn.adding(days: 1))
        return next
    }
}
