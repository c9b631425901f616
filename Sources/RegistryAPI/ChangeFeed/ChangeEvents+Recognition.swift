import HTTPServer
import RegistryDomain

extension ChangeEvents {
    /// `recognition.created`, `recognition.updated`, `recognition.deleted`, in the enterprise's region.
    static func recognition(_ recognition: Recognition, kind: String, region: RegionCode, at: String) -> ChangeEvent {
        event(
            "recognition.\(kind)", resource: "/v1/enterprises/\(recognition.uscc.value)/recognitions/\(recognition.id)",
            region: region, at: at
        ) { json in
            json.member("id", Int(recognition.id))
            json.member("kind", recognition.kind.rawValue)
            json.member("uscc", recognition.uscc.value)
        }
    }
}
