/// One entry of the append-only change feed (`GET /v1/events`): what changed, where, in commit order.
public struct ChangeEvent: Sendable, Hashable {
    /// Assigned by storage in commit order; the feed's cursor.
    public var id: Int64
    /// RFC 3339 UTC instant of the change.
    public var at: String
    /// e.g. `enterprise.created`, `appointment.registered`.
    public var kind: String
    /// The changed resource's path, e.g. `/v1/appointments/12`.
    public var resource: String
    /// The region of the enterprise concerned, for scoping the feed.
    public var regionCode: RegionCode
    /// A small JSON object naming what changed; never personal data.
    public var payload: String

    public init(id: Int64 = 0, at: String, kind: String, resource: String, regionCode: RegionCode, payload: String) {
        self.id = id
        self.at = at
        self.kind = kind
        self.resource = resource
        self.regionCode = regionCode
        self.payload = payload
    }
}

public protocol ChangeFeedReader {
    /// Events after `afterID` (all when nil) whose region lies within every prefix, in id order, at most `limit`.
    func changeEvents(after afterID: Int64?, within regionPrefixes: [RegionCode], limit: Int) throws -> [ChangeEvent]
}

public protocol ChangeFeedWriter {
    /// Appends `event` (its id is assigned) in the caller's transaction.
    func append(_ event: ChangeEvent) throws
}
