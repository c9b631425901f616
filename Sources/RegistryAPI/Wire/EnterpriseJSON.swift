import HTTPServer
import RegistryDomain

/// The enterprise resource on the wire: snake_case, keys sorted, absent values as `null`, read-only `covered`,
/// `current_appointments`, `vacancy` and `etag` (the same strong tag the `ETag` header carries).
enum EnterpriseJSON {
    /// Fields a client may send; these are the registry's.
    static let readOnlyFields: Set<String> = ["covered", "current_appointments", "etag", "vacancy"]

    /// The representation and its entity tag, encoded once: the tag is the hash of the representation with a
    /// fixed-width placeholder in `etag`, then written over the placeholder (same length, nothing moves).
    static func document(_ record: EnterpriseRecord, _ appointments: EnterpriseAppointments = .none)
        -> (body: [UInt8], etag: String)
    {
        var (json, offset) = encode(record, appointments)
        let etag = EntityTag.of(json.bytes)
        json.overwrite(at: offset, with: Array(etag.replacingOccurrences(of: "\"", with: "\\\"").utf8))  // as escaped
        return (json.bytes, etag)
    }

    /// The JSON text, and where the `etag` value's placeholder starts.
    private static func encode(_ record: EnterpriseRecord, _ appointments: EnterpriseAppointments) -> (JSONWriter, Int)
    {
        let e = record.enterprise
        var json = JSONWriter()
        var etagOffset = 0
        json.beginObject()
        json.member("above_scale", e.aboveScale)
        json.member("covered", record.covered)
        json.key("current_appointments")
        json.beginArray()
        for appointment in appointments.current {
            AppointmentJSON.writeSummary(appointment, personID: appointments.showsPersonID, into: &json)
        }
        json.endArray()
        json.key("deregistered_on")
        if let date = e.deregisteredOn { json.string(date.description) } else { json.null() }
        json.key("employees")
        if let employees = e.employees { json.number(employees) } else { json.null() }
        json.key("etag")
        etagOffset = json.count + 1  // after the opening quote
        json.string(EntityTag.placeholder)
        json.member("industry_code", e.industryCode.value)
        json.member("name", e.name)
        json.member("region_code", e.regionCode.value)
        json.key("registered_on")
        if let date = e.registeredOn { json.string(date.description) } else { json.null() }
        json.key("revenue_cny")
        if let revenue = e.revenueCNY { json.raw(String(revenue)) } else { json.null() }
        json.member("sector", e.sector.rawValue)
        json.member("size_class", e.sizeClass.rawValue)
        json.member("uscc", e.uscc.value)
        json.key("vacancy")
        appointments.writeVacancy(of: e, into: &json)
        json.endObject()
        return (json, etagOffset)
    }

    /// Reads an enterprise input from JSON members, refusing unknown and read-only fields.
    static func input(_ members: [(String, JSONValue)]) throws(ValidationFailure) -> EnterpriseInput {
        var fields = JSONFields(members)
        let input = EnterpriseInput(
            uscc: fields.string("uscc"), name: fields.string("name"), regionCode: fields.string("region_code"),
            sizeClass: fields.string("size_class"), aboveScale: fields.bool("above_scale"),
            industryCode: fields.string("industry_code"), sector: fields.string("sector"),
            employees: fields.int("employees"), revenueCNY: fields.int64("revenue_cny"),
            registeredOn: fields.string("registered_on"), deregisteredOn: fields.string("deregistered_on"))
        fields.refuseUnread(readOnly: readOnlyFields)
        try fields.problems.throwIfAny()
        return input
    }

    /// The input as JSON members: the document a merge patch is applied to.
    static func members(_ input: EnterpriseInput) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        func add(_ name: String, _ value: JSONValue?) { if let value { members.append((name, value)) } }
        add("uscc", input.uscc.map(JSONValue.string))
        add("name", input.name.map(JSONValue.string))
        add("region_code", input.regionCode.map(JSONValue.string))
        add("size_class", input.sizeClass.map(JSONValue.string))
        add("above_scale", input.aboveScale.map(JSONValue.bool))
        add("industry_code", input.industryCode.map(JSONValue.string))
        add("sector", input.sector.map(JSONValue.string))
        add("employees", input.employees.map { .number(String($0)) })
        add("revenue_cny", input.revenueCNY.map { .number(String($0)) })
        add("registered_on", input.registeredOn.map(JSONValue.string))
        add("deregistered_on", input.deregisteredOn.map(JSONValue.string))
        return members
    }
}
