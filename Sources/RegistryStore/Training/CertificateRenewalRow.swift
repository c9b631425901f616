import GRDB
import RegistryDomain

/// Rows of `certificate_renewal`.
struct CertificateRenewalRow: FetchableRecord {
    enum Columns {
        static let number = "certificate_number", renewedOn = "renewed_on", previous = "previous_expires_on"
        static let expiresOn = "expires_on", hours = "hours_tenths", actor = "actor"
    }

    let number: String
    let renewal: CertificateRenewal

    init(row: Row) throws {
        let table = "certificate_renewal"
        number = row[Columns.number]
        renewal = CertificateRenewal(
            renewedOn: try StoredRowError.require(
                CivilDate(row[Columns.renewedOn] as String), table, Columns.renewedOn),
            previousExpiresOn: try StoredRowError.require(
                CivilDate(row[Columns.previous] as String), table, Columns.previous),
            expiresOn: try StoredRowError.require(
                CivilDate(row[Columns.expiresOn] as String), table, Columns.expiresOn),
            hours: row[Columns.hours], actor: row[Columns.actor])
    }
}
