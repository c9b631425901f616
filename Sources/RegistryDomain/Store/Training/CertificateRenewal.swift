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
