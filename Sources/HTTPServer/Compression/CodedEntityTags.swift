/// Entity tags of gzip-coded representations.
///
/// RFC 9110 §8.8.3: a strong validator must differ between representations, and a body the server gzips is a
/// different representation from the identity body the handler tagged. So when the server gzips a body it adds
/// `-gzip` inside a strong `ETag` (`"abc"` → `"abc-gzip"`; weak tags are left alone), and before a handler sees a
/// request it takes the suffix off the tags of `If-Match` and `If-None-Match`: handlers only ever compare tags of
/// identity representations, and a client that read the gzipped body can still make conditional requests with
/// the tag it was given. (Apache's mod_deflate did the first without the second, and such requests never matched.)
package enum CodedEntityTags {
    static let suffix = "-gzip"
    static let codedEnd = suffix + "\""

    /// The tag of the gzip-coded form of a representation tagged `etag`; a weak tag or a malformed value unchanged.
    static func coded(_ etag: String) -> String {
        guard etag.hasPrefix("\""), etag.hasSuffix("\""), etag.utf8.count >= 2, !etag.hasSuffix(codedEnd) else {
            return etag
        }
        return String(etag.dropLast()) + codedEnd
    }

    /// A conditional field's value with `-gzip` taken off each tag that has it; nil when none has.
    static func identity(_ value: String) -> String? {
        guard value.contains(codedEnd) else { return nil }
        return value.split(separator: ",", omittingEmptySubsequences: false).map { member in
            let tag = member.trimmingSpaces()
            guard tag.hasSuffix(codedEnd) else { return tag }
            return String(tag.dropLast(codedEnd.utf8.count)) + "\""
        }.joined(separator: ", ")
    }

    /// The request's fields with coded tags in `If-Match` / `If-None-Match` turned back into identity tags.
    static func identityFields(_ fields: [HTTPHeaders.Field]) -> [HTTPHeaders.Field] {
        guard fields.contains(where: isConditional) else { return fields }
        return fields.map { field in
            guard isConditional(field), let identity = identity(field.value) else { return field }
            return (name: field.name, value: identity)
        }
    }

    /// The request's `If-None-Match` as sent, when it names a coded tag (for the 304's tag); nil otherwise.
    static func codedIfNoneMatch(_ fields: [HTTPHeaders.Field]) -> String? {
        for field in fields where HTTPHeaders.equalNames(field.name, "If-None-Match") && field.value.contains(codedEnd)
        {
            return field.value
        }
        return nil
    }

    static func isConditional(_ field: HTTPHeaders.Field) -> Bool {
        HTTPHeaders.equalNames(field.name, "If-None-Match") || HTTPHeaders.equalNames(field.name, "If-Match")
    }
}
