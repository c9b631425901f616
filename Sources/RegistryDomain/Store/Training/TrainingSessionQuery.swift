/// Which sessions a list asks for. Every region prefix must match the session's region.
public struct TrainingSessionQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var provider: String?
    public var mode: TrainingMode?
    /// Sessions ending on or after.
    public var from: CivilDate?
    /// Sessions starting on or before.
    public var to: CivilDate?
    public var afterID: Int64?
    public var limit = 50

    public init() {}
}
