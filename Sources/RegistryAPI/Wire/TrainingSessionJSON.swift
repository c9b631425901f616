import HTTPServer
import RegistryDomain

/// Training sessions on the wire (API.md "Training session"), and how their drafts are read.
enum TrainingSessionJSON {
    /// The fields of `POST /v1/training-sessions`; unknown or read-only members are refused.
    static func draft(_ members: [(String, JSONValue)]) throws(ValidationFailure) -> TrainingSession.Draft {
        var fields = JSONFields(members)
        let draft = TrainingSession.Draft(
            provider: fields.string("provider"), title: fields.string("title"), hours: fields.numberText("hours"),
            startsOn: fields.string("starts_on"), endsOn: fields.string("ends_on"), mode: fields.string("mode"),
            regionCode: fields.string("region_code"))
        fields.refuseUnread(readOnly: ["id", "attendees", "created_at", "created_by", "etag"])
        try fields.problems.throwIfAny()
        return draft
    }

    /// A `PUT …/attendance` body: an array of `{person_id, hours}`, items named by index (`[3].hours`).
    static func attendance(_ items: [JSONValue]) throws(ValidationFailure) -> [Attendance.Draft] {
        var problems = ViolationCollector()
        var drafts: [Attendance.Draft] = []
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item else {
                problems.add("[\(index)]", "type", "each attendance item is an object {person_id, hours}")
                continue
            }
            var fields = JSONFields(members, prefix: "[\(index)]")
            drafts.append(Attendance.Draft(personID: fields.int64("person_id"), hours: fields.numberText("hours")))
            fields.refuseUnread()
            problems.add(ValidationFailure(fields.problems.violations))
        }
        try problems.throwIfAny()
        return drafts
    }

    /// The tag of a session and its attendance list: every change raises the revision.
    static func entityTag(_ record: TrainingSessionRecord) -> String {
        "\"ts\(record.session.id)-r\(record.revision)\""
    }

    static func encode(_ record: TrainingSessionRecord, attendance: [Attendance]? = nil) -> [UInt8] {
        var json = JSONWriter()
        write(record, attendance: attendance, into: &json)
        return json.bytes
    }

    static func write(_ record: TrainingSessionRecord, attendance: [Attendance]?, into json: inout JSONWriter) {
        let session = record.session
        json.beginObject()
        if let attendance {
            json.key("attendance")
            json.beginArray()
            for item in attendance {
                json.beginObject()
                json.key("hours")
                json.raw(item.hours.description)
                json.member("person_id", Int(item.personID))
                json.endObject()
            }
            json.endArray()
        }
        json.member("attendees", record.attendees)
        json.member("created_at", record.createdAt)
        json.member("created_by", record.createdBy)
        json.member("ends_on", session.endsOn.description)
        json.key("hours")
        json.raw(session.hours.description)
        json.member("id", Int(session.id))
        json.member("mode", session.mode.rawValue)
        json.member("provider", session.provider)
        json.member("region_code", session.regionCode.value)
        json.member("starts_on", session.startsOn.description)
        json.member("title", session.title)
        json.endObject()
    }
}
