import HTTPServer
import RegistryDomain

extension ChangeEvents {
    /// `region.created`, `region.renamed`, in the region itself (its regulators, and those above, see it).
    static func region(_ region: Region, kind: String, at: String) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        json.member("code", region.code.value)
        json.member("name", region.name)
        json.endObject()
        return ChangeEvent(
            at: at, kind: "region.\(kind)", resource: "/v1/regions/\(region.code.value)", regionCode: region.code,
            payload: String(decoding: json.bytes, as: UTF8.self))
    }
}
