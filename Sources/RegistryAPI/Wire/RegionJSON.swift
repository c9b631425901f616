import HTTPServer
import RegistryDomain

/// Regions on the wire: `code`, `name`, `parent_code` (null at the top), read-only `updated_at`. Keys sorted.
enum RegionJSON {
    static let readOnlyFields: Set<String> = ["code", "updated_at"]

    static func draft(_ members: [(String, JSONValue)]) throws(ValidationFailure) -> Region.Draft {
        var fields = JSONFields(members)
        let draft = Region.Draft(name: fields.string("name"), parentCode: fields.string("parent_code"))
        fields.refuseUnread(readOnly: readOnlyFields)
        try fields.problems.throwIfAny()
        return draft
    }

    static func document(_ record: RegionRecord) -> (body: [UInt8], etag: String) {
        var json = JSONWriter()
        json.beginObject()
        json.member("code", record.region.code.value)
        json.member("name", record.region.name)
        json.member("parent_code", orNull: record.region.parentCode?.value)
        json.member("updated_at", record.updatedAt)
        json.endObject()
        return (json.bytes, EntityTag.of(json.bytes))
    }
}
