import HTTPServer
import RegistryDomain

extension Caller {
    /// The region a coverage question is about: `requested`, or the caller's own region when none is asked for.
    ///
    /// Decision (documented in openapi.yaml): a region that does not lie within the caller's scope, wider ones
    /// included, is 404 as any object outside the scope is; it is never silently narrowed, so a figure is
    /// always exactly the one asked for. Enterprise tokens have no jurisdiction and get 404; an unscoped trainer
    /// must name the region.
    func coverageRegion(_ requested: RegionCode?) throws -> RegionCode {
        switch role {
        case .enterprise: throw Problem.notFound("coverage is a jurisdiction's figure; an enterprise token has none")
        case .admin, .regulator, .viewer, .trainer:
            guard let region = requested ?? self.region else {
                throw ValidationFailure(field: "region", code: "required", message: "region is required")
            }
            if let scope = self.region, !scope.contains(region) { throw Problem.notFound() }
            return region
        }
    }

    /// Targets a caller reads: those of its jurisdiction, of regions above it (which apply to it) and below it.
    func reads(_ target: CoverageTarget) -> Bool {
        guard role != .enterprise, let scope = region else { return true }
        return scope.contains(target.regionCode) || target.regionCode.contains(scope)
    }

    /// Targets an admin sets: only within its own region.
    func sets(_ target: CoverageTarget) -> Bool {
        role == .admin && (region?.contains(target.regionCode) ?? false)
    }
}
