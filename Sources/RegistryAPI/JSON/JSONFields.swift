import RegistryDomain

/// Reads the members of a JSON object as typed, optional fields, collecting a violation for each wrong type,
/// and for every member nobody asked for (unknown or read-only fields are refused, never silently ignored).
struct JSONFields {
    private let members: [(String, JSONValue)]
    private let prefix: String
    private var consumed = Set<String>()
    var problems = ViolationCollector()

    init(_ members: [(String, JSONValue)], prefix: String = "") {
        self.members = members
        self.prefix = prefix
    }

    private func path(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }

    /// The member's value; absent and `null` are both nil.
    private mutating func value(_ name: String) -> JSONValue? {
        consumed.insert(name)
        guard let value = members.first(where: { $0.0 == name })?.1, value != .null else { return nil }
        return value
    }

    private mutating func wrongType(_ name: String, _ expected: String, _ got: JSONValue) {
        problems.add(path(name), "type", "\(path(name)) must be \(expected), not \(got.typeName)")
    }

    mutating func string(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else {
            wrongType(name, "a string", value)
            return nil
        }
        return text
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else {
            wrongType(name, "true or false", value)
            return nil
        }
        return flag
    }

    /// A whole number. As in JSON Schema, a number with a zero fraction (`83.0`, `8.3e1`) is whole.
    mutating func int64(_ name: String) -> Int64? {
        guard let value = value(name) else { return nil }
        guard case .number(let text) = value, let number = Self.wholeNumber(text) else {
            wrongType(name, "a whole number", value)
            return nil
        }
        return number
    }

    /// The integer a JSON number's text names, if it names one that fits in 64 bits. Beyond 2^53 only the digits
    /// alone are read, since a `Double` would no longer be exact there.
    static func wholeNumber(_ text: String) -> Int64? {
        if let number = Int64(text) { return number }
        guard let double = Double(text), double.rounded(.towardZero) == double, abs(double) <= 9_007_199_254_740_992
        else { return nil }
        return Int64(double)
    }

    mutating func int(_ name: String) -> Int? {
        guard let number = int64(name) else { return nil }
        guard let small = Int(exactly: number), abs(small) <= Int(Int32.max) else {
            problems.add(path(name), "range", "\(path(name)) is too large")
            return nil
        }
        return small
    }

    /// A number's exact text (`7.5`, `16`), for decimals the domain parses itself.
    mutating func numberText(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        guard case .number(let text) = value else {
            wrongType(name, "a number", value)
            return nil
        }
        return text
    }

    /// A nested object's fields, read with this one's path as prefix; merge its problems back with `absorb`.
    mutating func object(_ name: String) -> JSONFields? {
        guard let value = value(name) else { return nil }
        guard case .object(let members) = value else {
            wrongType(name, "an object", value)
            return nil
        }
        return JSONFields(members, prefix: path(name))
    }

    mutating func absorb(_ nested: JSONFields) { problems.add(ValidationFailure(nested.problems.violations)) }

    /// Flags every member not read: `readOnly` ones as `read_only`, the rest as `unknown`.
    mutating func refuseUnread(readOnly: Set<String> = []) {
        for (name, _) in members where !consumed.contains(name) {
            if readOnly.contains(name) {
                problems.add(path(name), "read_only", "\(path(name)) is set by the registry and cannot be given")
            } else {
                problems.add(path(name), "unknown", "\(path(name)) is not a field of this resource")
            }
        }
    }
}
