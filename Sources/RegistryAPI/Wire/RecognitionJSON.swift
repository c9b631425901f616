import HTTPServer
import RegistryDomain

/// Recognitions on the wire: `kind` (`exemplary_case|demonstration_base`), `level` (`national|provincial|city`),
/// `year`, `title`; read-only `id`, `uscc`, `region_code` and `etag` (the same strong tag the `ETag` header of
/// `GET /v1/enterprises/{uscc}/recognitions/{id}` carries, for `If-Match`). Keys sorted.
enum RecognitionJSON {
    static let readOnlyFields: Set<String> = ["id", "uscc", "region_code", "etag"]
    static let fieldNames: Set<String> = ["kind", "level", "year", "title"]

    /// A new recognition's fields.
    static func draft(_ members: [(String, JSONValue)]) throws(ValidationFailure) -> Recognition.Draft {
        var fields = JSONFields(members)
        let draft = Recognition.Draft(
            kind: fields.string("kind"), level: fields.string("level"), year: fields.int("year"),
            title: fields.string("title"))
        fields.refuseUnread(readOnly: readOnlyFields)
        try fields.problems.throwIfAny()
        return draft
    }

    /// `current` with a JSON merge patch (RFC 7396) applied: a member given replaces the field, `null` removes it
    /// (every field is required, so that is a `required` violation), read-only and unknown members are refused.
    static func patched(_ current: Recognition, with members: [(String, JSONValue)]) throws(ValidationFailure)
        -> Recognition.Draft
    {
        var fields = JSONFields(members)
        let given = Recognition.Draft(
            kind: fields.string("kind"), level: fields.string("level"), year: fields.int("year"),
            title: fields.string("title"))
        fields.refuseUnread(readOnly: readOnlyFields)
        try fields.problems.throwIfAny()
        func has(_ name: String) -> Bool { members.contains { $0.0 == name } }
        return Recognition.Draft(
            kind: has("kind") ? given.kind : current.kind.rawValue,
            level: has("level") ? given.level : current.level.rawValue,
            year: has("year") ? given.year : current.year, title: has("title") ? given.title : current.title)
    }

    /// The representation and its entity tag, encoded once: the tag is the hash of the representation with a
    /// fixed-width placeholder in `etag`, then written over it (same length, nothing moves).
    static func document(_ record: RecognitionRecord) -> (body: [UInt8], etag: String) {
        let r = record.recognition
        var json = JSONWriter()
        json.beginObject()
        json.key("etag")
        let offset = json.count + 1  // after the opening quote
        json.string(EntityTag.placeholder)
        json.member("id", Int(r.id))
        json.member("kind", r.kind.rawValue)
        json.member("level", r.level.rawValue)
        json.member("region_code", record.regionCode.value)
        json.member("title", r.title)
        json.member("uscc", r.uscc.value)
        json.member("year", r.year)
        json.endObject()
        let etag = EntityTag.of(json.bytes)
        json.overwrite(at: offset, with: Array(etag.replacingOccurrences(of: "\"", with: "\\\"").utf8))
        return (json.bytes, etag)
    }
}
