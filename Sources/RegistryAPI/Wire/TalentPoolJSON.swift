import HTTPServer
import RegistryDomain

/// Talent-pool members on the wire.
enum TalentPoolJSON {
    static func name(_ member: TalentPoolMember, caller: Caller) -> String {
        let name = member.filing.appointment.filing.person.name
        return caller.seesPersonalData(of: member.filing) ? name : Masking.name(name)
    }

    static func encode(_ member: TalentPoolMember, caller: Caller) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("certificate")
        json.beginObject()
        json.member("expires_on", member.certificate.expiresOn.description)
        json.member("issued_on", member.certificate.issuedOn.description)
        json.member("number", member.certificate.number.description)
        json.endObject()
        json.key("enterprise")
        json.beginObject()
        json.member("name", member.enterpriseName)
        json.member("region_code", member.filing.regionCode.value)
        json.member("uscc", member.filing.appointment.uscc.value)
        json.endObject()
        json.member("name", name(member, caller: caller))
        json.member("person_id", Int(member.certificate.personID))
        json.member("role", member.filing.appointment.role.rawValue)
        json.member("status", member.filing.appointment.status.rawValue)
        json.endObject()
        return json.bytes
    }

    static let columns = [
        "person_id", "name", "certificate_number", "issued_on", "expires_on", "uscc", "enterprise_name", "region_code",
        "role",
    ]

    static func csv(_ members: [TalentPoolMember], caller: Caller) -> [UInt8] {
        var text = columns.joined(separator: ",") + "\r\n"
        for member in members {
            let cells = [
                String(member.certificate.personID), RosterExport.formulaSafe(name(member, caller: caller)),
                member.certificate.number.description, member.certificate.issuedOn.description,
                member.certificate.expiresOn.description, member.filing.appointment.uscc.value,
                RosterExport.formulaSafe(member.enterpriseName), member.filing.regionCode.value,
                member.filing.appointment.role.rawValue,
            ]
            text += cells.map(RosterExport.quoted).joined(separator: ",") + "\r\n"
        }
        return RosterExport.byteOrderMark + Array(text.utf8)
    }
}
