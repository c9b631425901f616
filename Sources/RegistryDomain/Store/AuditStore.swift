/// One entry of the audit log: who did what to which resource, in which request, and a digest of the change.
/// Entries form a hash chain (SHA-256, keyed HMAC-SHA256 since migration 0011): each names the hash of the one
/// before it.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: String
    public var actorToken: Int64?
    public var actorRole: String
    /// e.g. `enterprise.create`, `appointment.register`, `person.read_personal_data`.
    public var action: String
    /// e.g. `enterprise/91442000MA4UJ6R97W`.
    public var resource: String
    public var requestID: String
    /// SHA-256 of the change's canonical JSON (the change itself is not copied into the log).
    public var digest: String
    /// The region the change or read concerns (an enterprise's, a target's, a token's), which decides which admins
    /// see the entry; nil for an entry about no region and for entries written before regions were recorded.
    public var regionCode: RegionCode?
    public var previous: String
    public var hash: String

    public init(
        id: Int64 = 0, at: String, actorToken: Int64?, actorRole: String, action: String, resource: String,
        requestID: String, digest: String, regionCode: RegionCode?, previous: String = "", hash: String = ""
    ) {
        self.id = id
        self.at = at
        self.actorToken = actorToken
        self.actorRole = actorRole
        self.action = action
        self.resource = resource
        self.requestID = requestID
        self.digest = digest
        self.regionCode = regionCode
        self.previous = previous
        self.hash = hash
    }
}

/// Which audit entries a list asks for.
public struct AuditQuery: Sendable, Hashable {
    public var actorToken: Int64?
    public var action: String?
    /// A resource, or a prefix of one ending in `/` (`enterprise/`).
    public var resource: String?
    public var from: String?
    public var to: String?
    /// Entries whose region lies within one of these prefixes; nil: entries of every region and of none.
    public var regionPrefixes: [RegionCode]?
    /// With `regionPrefixes`, whether entries that concern no region are listed too.
    public var includesEntriesWithoutRegion = false
    public var afterID: Int64?
    public var limit = 50
    public init() {}
}

/// Where the audit chain is broken: the first entry whose hash or link does not hold.
public struct AuditChainBreak: Sendable, Hashable, Error {
    public var entryID: Int64
    public var reason: String
    public init(entryID: Int64, reason: String) {
        self.entryID = entryID
        self.reason = reason
    }
}

public protocol AuditReader {
    func auditEntries(_ query: AuditQuery) throws -> [AuditEntry]
    func auditEntryCount() throws -> Int
    /// The last entry's hash and the number of entries; nil for an empty log.
    func auditHead() throws -> AuditHead?
    /// The id of the first entry with this hash, if any.
    func auditEntryID(hash: String) throws -> Int64?
    /// Walks the whole chain; nil when every link holds.
    func firstAuditChainBreak() throws -> AuditChainBreak?
}

public protocol AuditWriter {
    /// Appends `entry` to the chain (its id, previous and hash are computed), in the caller's transaction.
    func append(_ entry: AuditEntry) throws
}

/// The audit chain's last entry, which an operator records to anchor the chain: a later verification that does not
/// find this entry at this position shows the log was cut back.
public struct AuditHead: Sendable, Hashable {
    /// The last entry's hash.
    public var hash: String
    /// How many entries the chain holds (the last entry's id, when the chain is whole).
    public var entryCount: Int
    public init(hash: String, entryCount: Int) {
        self.hash = hash
        self.entryCount = entryCount
    }

    /// `HASH:COUNT`, as `audit verify --expect-head` takes it.
    public var anchor: String { "\(hash):\(entryCount)" }
}
