/// An enterprise as stored, with what storage knows about it on a given day.
public struct EnterpriseRecord: Sendable, Hashable {
    public var enterprise: Enterprise
    /// Whether it has a registered `cqo` whose term contains the day asked about.
    public var covered: Bool

    public init(enterprise: Enterprise, covered: Bool) {
        self.enterprise = enterprise
        self.covered = covered
    }
}

/// Which enterprises a list asks for. Every region prefix must match (the caller's scope and its filter).
public struct EnterpriseQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var uscc: USCC?
    public var sizeClass: SizeClass?
    public var aboveScale: Bool?
    public var manufacturing: Bool?
    public var industryPrefix: String?
    public var sector: Sector?
    /// Covered on `day` (a registered `cqo` whose term contains it).
    public var covered: Bool?
    /// Part of the name, or a whole USCC.
    public var text: String?
    /// Keyset cursor: only enterprises whose USCC sorts after this one.
    public var after: String?
    public var limit: Int = 50
    public var day: CivilDate

    public init(day: CivilDate) { self.day = day }
}

public protocol EnterpriseReader {
    /// The enterprise with `uscc`, with coverage on `day`; nil when there is none.
    func enterprise(_ uscc: USCC, on day: CivilDate) throws -> EnterpriseRecord?
    /// Enterprises matching `query`, in USCC order, at most `query.limit`.
    func enterprises(_ query: EnterpriseQuery) throws -> [EnterpriseRecord]
    /// The region of each of `usccs` that is on the roster (absent ones are left out).
    func regionCodes(of usccs: [USCC]) throws -> [USCC: RegionCode]
}

public protocol EnterpriseWriter {
    /// Adds `enterprise`. - Throws: `StoreError.duplicate` when its USCC is on the roster already.
    func insert(_ enterprise: Enterprise) throws
    /// Replaces the stored fields of the enterprise with the same USCC. - Throws: `StoreError.notFound`.
    func update(_ enterprise: Enterprise) throws
    /// Adds or replaces each enterprise by USCC (roster import). Returns how many were new.
    func upsert(_ enterprises: [Enterprise]) throws -> Int
}
