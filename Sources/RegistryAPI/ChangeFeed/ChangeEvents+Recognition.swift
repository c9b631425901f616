import HTTPServer
import RegistryDomain

extension ChangeEvents {
    /// `recognition.created`, `recognition.updated`, `recognition.deleted`, in the enterprise's region.
    static func recognition(_ recognition: Recognition, kind: String, region: RegionCode, at: String) -> ChangeEvent {
        var json = JSONWriter()
        json.beginObject()
        json.member("id", Int(recognition.id))
        json.member("kind", recognition.kind.rawValue)
        json.member("uscc", recognition.uscc.value)
        json.endObject()
        return ChangeEvent(
            at: at, kind: "recognition.\(kind)",
            resource: "/v1/enterprises/\(recognition.uscc.value)/recognitions/\(recognition.id)", regionCode: region,
            payload: String(decoding: json.bytes, as: UTF8.self))
    }
}
