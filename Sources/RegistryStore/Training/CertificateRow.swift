import GRDB
import RegistryDomain

/// Rows of `certificate`.
struct CertificateRow: FetchableRecord {
    enum Columns {
        static let number = "number", personID = "person_id", issuedOn = "issued_on", expiresOn = "expires_on"
        static let revokedOn = "revoked_on"
    }

    static let selection = "c.number, c.person_id, c.issued_on, c.expires_on, c.revoked_on"

    let certificate: Certificate

    init(row: Row) throws {
        let table = "certificate"
        let revoked: String? = row[Columns.revokedOn]
        certificate = Certificate(
            number: try StoredRowError.require(CertificateNumber(row[Columns.number] as String), table, Columns.number),
            personID: row[Columns.personID],
            issuedOn: try StoredRowError.require(CivilDate(row[Columns.issuedOn] as String), table, Columns.issuedOn),
            expiresOn: try StoredRowError.require(
                CivilDate(row[Columns.expiresOn] as String), table, Columns.expiresOn),
            revokedOn: try revoked.map { try StoredRowError.require(CivilDate($0), table, Columns.revokedOn) })
    }
}
