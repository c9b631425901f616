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
