import HTTPServer
import RegistryDomain

/// The appointment resource on the wire: snake_case, keys sorted, absent values as `null`. Personal data (the
/// person's ID number and phone) is whole only for callers who may see it (DOMAIN.md "Personal data"); everyone
/// else gets the masked forms and no e-mail.
enum AppointmentJSON {
    /// Fields the registry sets; a client sending one gets a 422 `read_only`.
    static let readOnlyFields: Set<String> = [
        "id", "uscc", "person_id", "status", "registered_on", "ended_on", "history",
    ]

    /// `personID`: whether the registry-wide person id is shown (never to an enterprise: the same id for the same
    /// ID number would tell it whether another enterprise filed that person; `Caller.seesPersonID`).
    static func encode(_ record: AppointmentRecord, personalData: Bool, personID: Bool) -> [UInt8] {
        var json = JSONWriter()
        write(record.appointment, personalData: personalData, personID: personID, into: &json)
        return json.bytes
    }

    static func write(_ a: Appointment, personalData: Bool, personID: Bool, into json: inout JSONWriter) {
        json.beginObject()
        json.member("appointed_on", a.appointedOn.description)
        json.key("ended_on")
        if let date = a.endedOn { json.string(date.description) } else { json.null() }
        json.key("history")
        json.beginArray()
        for transition in a.history { write(transition, into: &json) }
        json.endArray()
        json.member("id", Int(a.id))
        json.member("is_principal", a.filing.isPrincipal)
        json.key("person")
        PersonJSON.write(a.filing.person, personalData: personalData, into: &json)
        json.key("person_id")
        if personID { json.number(Int(a.personID)) } else { json.null() }
        json.member("position", a.filing.position)
        json.key("registered_on")
        if let date = a.registeredOn { json.string(date.description) } else { json.null() }
        json.member("role", a.role.rawValue)
        json.member("status", a.status.rawValue)
        json.member("uscc", a.uscc.value)
        json.endObject()
    }

    static func write(_ transition: AppointmentTransition, into json: inout JSONWriter) {
        json.beginObject()
        json.member("actor", transition.actor)
        json.member("at", transition.at.description)
        json.key("from")
        if let from = transition.from { json.string(from.rawValue) } else { json.null() }
        json.key("reason")
        if let reason = transition.reason { json.string(reason) } else { json.null() }
        json.member("to", transition.to.rawValue)
        json.endObject()
    }

    /// A compact entry for an enterprise's `current_appointments`: no personal data.
    static func writeSummary(_ a: Appointment, personID: Bool, into json: inout JSONWriter) {
        json.beginObject()
        json.member("appointed_on", a.appointedOn.description)
        json.member("id", Int(a.id))
        json.key("person_id")
        if personID { json.number(Int(a.personID)) } else { json.null() }
        json.key("registered_on")
        if let date = a.registeredOn { json.string(date.description) } else { json.null() }
        json.member("role", a.role.rawValue)
        json.member("status", a.status.rawValue)
        json.endObject()
    }

    /// Reads a filing from JSON members, refusing unknown and read-only fields.
    static func filing(_ members: [(String, JSONValue)]) throws(ValidationFailure) -> AppointmentFiling.Draft {
        var fields = JSONFields(members)
        var draft = AppointmentFiling.Draft(
            role: fields.string("role"), position: fields.string("position"), isPrincipal: fields.bool("is_principal"),
            appointedOn: fields.string("appointed_on"))
        if var person = fields.object("person") {
            draft.person = PersonDetails.Draft(
                name: person.string("name"), idNumber: person.string("id_number"), phone: person.string("phone"),
                email: person.string("email"))
            person.refuseUnread(readOnly: ["id"])
            fields.absorb(person)
        }
        fields.refuseUnread(readOnly: readOnlyFields)
        try fields.problems.throwIfAny()
        return draft
    }
}

/// A person's details on the wire, whole or masked.
enum PersonJSON {
    /// The fields as the caller may see them: whole with `personalData`, else masked (`PersonDetails.masked`) and
    /// without the e-mail.
    static func shown(_ person: PersonDetails, personalData: Bool)
        -> (email: String?, idNumber: String, name: String, phone: String)
    {
        guard !personalData else {
            return (person.email?.value, person.idNumber.value, person.name, person.phone.value)
        }
        let masked = person.masked
        return (nil, masked.idNumber, masked.name, masked.phone)
    }

    static func write(_ person: PersonDetails, personalData: Bool, into json: inout JSONWriter) {
        let shown = shown(person, personalData: personalData)
        json.beginObject()
        json.key("email")
        if let email = shown.email { json.string(email) } else { json.null() }
        json.member("id_number", shown.idNumber)
        json.member("name", shown.name)
        json.member("phone", shown.phone)
        json.endObject()
    }
}
