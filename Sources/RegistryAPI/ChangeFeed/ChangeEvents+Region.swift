import HTTPServer
import RegistryDomain

extension ChangeEvents {
    /// `region.created`, `region.renamed`, in the region itself (its regulators, and those above, see it).
    static func region(_ region: Region, kind: String, at: String) -> ChangeEvent {
        event("region.\(kind)", resource: "/v1/regions/\(region.code.value)", region: region.code, at: at) { json in
            json.member("code", region.code.value)
            json.member("name", region.name)
        }
    }
}
