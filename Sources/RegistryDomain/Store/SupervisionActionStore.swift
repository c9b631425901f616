/// A supervision action as stored: who recorded it and when, and its appointment's enterprise (for scope checks).
public struct SupervisionActionRecord: Sendable, Hashable {
    public var action: SupervisionAction
    /// Who recorded it, as transition history names actors.
    public var actor: String
    /// RFC 3339 UTC instant it was recorded.
    public var at: String
    public var uscc: USCC
    public var regionCode: RegionCode

    public init(action: SupervisionAction, actor: String, at: String, uscc: USCC, regionCode: RegionCode) {
        self.action = action
        self.actor = actor
        self.at = at
        self.uscc = uscc
        self.regionCode = regionCode
    }
}

/// Which supervision actions a list asks for. Every region prefix must match.
public struct SupervisionActionQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var appointmentID: Int64?
    public var uscc: USCC?
    public var kind: SupervisionKind?
    /// `occurred_on` on or after.
    public var from: CivilDate?
    /// `occurred_on` on or before.
    public var to: CivilDate?
    public var afterID: Int64?
    public var limit = 50

    public init() {}
}

public protocol SupervisionActionReader {
    /// Actions matching `query`, in id order, at most `query.limit`.
    func supervisionActions(_ query: SupervisionActionQuery) throws -> [SupervisionActionRecord]
}

public protocol SupervisionActionWriter {
    /// Stores `action` (its id is ignored), recorded by `actor` at `at`, and returns it with its id.
    func insert(_ action: SupervisionAction, actor: String, at: String) throws -> SupervisionAction
}
