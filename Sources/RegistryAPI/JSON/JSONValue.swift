/// A parsed JSON value (RFC 8259). Numbers keep their text so that integers and decimals stay exact.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; `JSONParser` refuses duplicate names.
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The JSON type's name, for messages ("expected a string, got a number").
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    subscript(member: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == member }?.1
    }
}

/// Why a body is not JSON: the byte offset and what was expected, for a 400 problem's detail.
struct JSONSyntaxError: Error, Sendable {
    let offset: Int
    let reason: String
}
