import RegistryDomain

extension Caller {
    /// Region prefixes of this length or shorter are a whole province or wider (`44` Guangdong).
    static let provinceCodeLength = 2

    /// Limits an audit list to this caller's scope (README, "Roles and personal data"): entries whose region lies
    /// within the caller's region, and entries that concern no region (written before regions were recorded, or
    /// about nothing regional) only when that region is a whole province or wider. A caller without a region
    /// lists nothing.
    func scope(_ query: inout AuditQuery) {
        query.regionPrefixes = regionScope
        query.includesEntriesWithoutRegion = region.map { $0.value.utf8.count <= Self.provinceCodeLength } ?? false
    }
}
