import RegistryDomain

/// The authenticated caller of one request: a token's role and scope.
struct Caller: Sendable, Hashable {
    var tokenID: Int64
    var role: AccessRole
    /// Region prefix scope for admin, regulator, viewer, and optionally trainer.
    var region: RegionCode?
    /// The one enterprise an `enterprise` token speaks for.
    var uscc: USCC?

    /// Whether an enterprise at `region` with `uscc` lies within this caller's scope.
    func covers(region enterpriseRegion: RegionCode, uscc enterpriseUSCC: USCC) -> Bool {
        switch role {
        case .enterprise: return uscc == enterpriseUSCC
        case .admin, .regulator, .viewer: return region?.contains(enterpriseRegion) ?? false
        case .trainer: return region?.contains(enterpriseRegion) ?? true
        }
    }

    /// Whether this caller may see personal data (whole ID numbers, phones) of people of that enterprise.
    func seesPersonalData(region enterpriseRegion: RegionCode, uscc enterpriseUSCC: USCC) -> Bool {
        switch role {
        case .admin, .regulator, .enterprise: covers(region: enterpriseRegion, uscc: enterpriseUSCC)
        case .trainer, .viewer: false
        }
    }

    /// The region prefixes a list must stay within (empty: no region limit, e.g. an unscoped trainer).
    var regionScope: [RegionCode] { region.map { [$0] } ?? [] }

    /// A short label for logs, audit entries and transition history, never personal data.
    var actorLabel: String { "token:\(tokenID) (\(role.rawValue))" }
}
