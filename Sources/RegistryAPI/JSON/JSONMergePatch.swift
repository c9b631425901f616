/// JSON Merge Patch (RFC 7396): `null` removes a member, an object merges recursively, anything else replaces.
enum JSONMergePatch {
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var members: [(String, JSONValue)] = []
        if case .object(let existing) = target { members = existing }
        for (name, value) in patchMembers {
            let index = members.firstIndex { $0.0 == name }
            if value == .null {
                if let index { members.remove(at: index) }
            } else if let index {
                members[index].1 = apply(value, to: members[index].1)
            } else {
                members.append((name, apply(value, to: .null)))
            }
        }
        return .object(members)
    }
}
