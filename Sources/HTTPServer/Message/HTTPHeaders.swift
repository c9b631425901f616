/// Header fields in arrival order. Names compare case-insensitively (RFC 9110 §5.1); values are kept as sent.
package struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    package typealias Field = (name: String, value: String)
    package private(set) var fields: [Field] = []

    package init() {}
    package init(_ fields: [Field]) { self.fields = fields }
    package init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    package func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
    package var count: Int { fields.count }

    /// The first value of `name`, or nil.
    package subscript(name: String) -> String? {
        for field in fields where HTTPHeaders.equalNames(field.name, name) { return field.value }
        return nil
    }

    /// Every value of `name`, in order.
    package func values(for name: String) -> [String] {
        fields.filter { HTTPHeaders.equalNames($0.name, name) }.map(\.value)
    }

    package func contains(_ name: String) -> Bool { self[name] != nil }

    package mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Removes every field called `name` and adds one with `value`.
    package mutating func replaceOrAdd(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    package mutating func remove(_ name: String) { fields.removeAll { HTTPHeaders.equalNames($0.name, name) } }

    /// ASCII case-insensitive comparison of two header names, without allocating.
    package static func equalNames(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for index in 0..<x.count where x[index] != y[index] {
                    let p = x[index] | 0x20
                    guard p == y[index] | 0x20, p >= UInt8(ascii: "a"), p <= UInt8(ascii: "z") else { return false }
                }
                return true
            }
        }
    }

    /// Comma-separated list elements of every `name` field, trimmed, lower-cased (RFC 9110 §5.6.1).
    package func tokens(for name: String) -> [String] {
        values(for: name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingSpaces().lowercased() }
            .filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// Drops leading and trailing spaces and tabs (optional white space, RFC 9110 §5.6.3).
    package func trimmingSpaces() -> String {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isOWS($0) }), let end = lastIndex(where: { !isOWS($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
