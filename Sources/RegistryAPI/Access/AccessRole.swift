/// Who a token speaks for (API.md, Conventions): roles do not inherit.
enum AccessRole: String, CaseIterable, Sendable {
    case admin, regulator, enterprise, trainer, viewer
}
