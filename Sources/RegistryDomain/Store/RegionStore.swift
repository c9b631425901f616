/// A region's name as stored.
public struct RegionRecord: Sendable, Hashable {
    public var region: Region
    /// Raised by every change; the region's ETag derives from it.
    public var revision: Int
    /// RFC 3339 UTC instant of the last change.
    public var updatedAt: String

    public init(region: Region, revision: Int, updatedAt: String) {
        self.region = region
        self.revision = revision
        self.updatedAt = updatedAt
    }
}

public protocol RegionReader {
    /// The named region with `code`, or nil.
    func region(code: RegionCode) throws -> RegionRecord?
    /// Named regions in code order after `afterCode`, at most `limit`: those placed under `parent` when it is
    /// given, else all.
    func regions(parent: RegionCode?, after afterCode: String?, limit: Int) throws -> [RegionRecord]
    /// The names of those of `codes` that have one (codes without a name are left out), in one query.
    func regionNames(of codes: [String]) throws -> [String: String]
    /// The longest named proper prefix of `code` (where a new region goes by default), or nil.
    func nearestNamedAncestor(of code: RegionCode) throws -> RegionCode?
    /// A counter raised by every change of a name, in the same transaction.
    func regionNamesVersion() throws -> Int64
}

public protocol RegionWriter {
    /// Adds the region, or replaces the name and parent of the one with its code, raising its revision.
    /// Returns whether it was new.
    func save(_ region: Region, at: String) throws -> Bool
}
