/// The role an appointment fills. Raw values are the wire names.
///
/// Small and micro enterprises that cannot yet set up a CQO may appoint a quality safety director and/or
/// officer instead (001 §(三)).
public enum Role: String, CaseIterable, Codable, Comparable, Sendable {
    /// 首席质量官, chief quality officer.
    case cqo
    /// 质量安全总监, quality safety director.
    case safetyDirector = "safety_director"
    /// 质量安全员, quality safety officer.
    case safetyOfficer = "safety_officer"

    /// Roles an enterprise holds with at most one registered appointment at a time, so that registering a new
    /// one supersedes the old.
    ///
    /// `cqo` is the rule (DOMAIN.md "At most one registered cqo per enterprise"). *Assumption*: a quality safety
    /// director is likewise single (总监 is one post), while an enterprise may have several quality safety
    /// officers. Pass another set to `Supersession.supersessions` to change it.
    public static let singleHolderDefault: Set<Role> = [.cqo, .safetyDirector]

    /// Declaration order: cqo, safety_director, safety_officer.
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.order < rhs.order }

    private var order: Int {
        switch self {
        case .cqo: 0
        case .safetyDirector: 1
        case .safetyOfficer: 2
        }
    }

    /// Parses a wire name, naming `field` in the violation (code `unknown`).
    public static func parsed(_ text: String, field: String = "role") throws(ValidationFailure) -> Role {
        guard let role = Role(rawValue: text) else {
            throw ValidationFailure(
                field: field, code: "unknown", message: "a role is one of cqo, safety_director, safety_officer")
        }
        return role
    }
}
