import GRDB
import RegistryDomain

/// A row of `SQLiteAccess.enterpriseColumns` (and `covered`, when selected) decoded by column name. A value that
/// does not parse is `StoreError.unreadable`, so a list is never silently shorter than the roster.
struct EnterpriseRow: FetchableRecord {
    enum Columns {
        static let uscc = Column("uscc")
        static let name = Column("name")
        static let regionCode = Column("region_code")
        static let sizeClass = Column("size_class")
        static let aboveScale = Column("above_scale")
        static let industryCode = Column("industry_code")
        static let sector = Column("sector")
        static let employees = Column("employees")
        static let revenueCNY = Column("revenue_cny")
        static let registeredOn = Column("registered_on")
        static let deregisteredOn = Column("deregistered_on")
        static let covered = Column("covered")
    }

    let record: EnterpriseRecord

    init(row: Row) throws {
        // The USCC and industry code are taken as stored (CHECKs hold their shape; the USCC is the key); the
        // region decides scope, so it is checked again.
        let uscc: String = try row.decode(forColumn: Columns.uscc)
        func parsed<Value>(_ column: Column, _ parse: (String) throws -> Value?) throws -> Value {
            try StoredValue.parse(row.decode(forColumn: column), "enterprise", uscc, column.name, parse)
        }
        func parsedIfPresent<Value>(_ column: Column, _ parse: (String) throws -> Value?) throws -> Value? {
            try StoredValue.parseIfPresent(row.decode(forColumn: column), "enterprise", uscc, column.name, parse)
        }
        let enterprise = Enterprise(
            uscc: USCC(stored: uscc), name: try row.decode(forColumn: Columns.name),
            regionCode: try parsed(Columns.regionCode) { try RegionCode($0) },
            sizeClass: try parsed(Columns.sizeClass) { SizeClass(rawValue: $0) },
            aboveScale: try row.decode(forColumn: Columns.aboveScale),
            industryCode: IndustryCode(stored: try row.decode(forColumn: Columns.industryCode)),
            sector: try parsed(Columns.sector) { Sector(rawValue: $0) },
            employees: try row.decode(forColumn: Columns.employees),
            revenueCNY: try row.decode(forColumn: Columns.revenueCNY),
            registeredOn: try parsedIfPresent(Columns.registeredOn) { CivilDate($0) },
            deregisteredOn: try parsedIfPresent(Columns.deregisteredOn) { CivilDate($0) })
        record = EnterpriseRecord(
            enterprise: enterprise, covered: try row.decode(Bool?.self, forColumn: Columns.covered) ?? false)
    }
}
