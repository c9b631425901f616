import RegistryDomain

extension Caller {
    /// Whether a training session in `region` lies within this caller's scope: a trainer's region when it has one
    /// (else every region), a regulator's region.
    func covers(sessionRegion region: RegionCode) -> Bool {
        switch role {
        case .trainer: self.region?.contains(region) ?? true
        case .admin, .regulator, .viewer: self.region?.contains(region) ?? false
        case .enterprise: false
        }
    }
}
