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
