import CryptoSupport
import RegistryDomain

/// The audit log's hash chain: each entry's hash is SHA-256 over the previous entry's hash and the entry's
/// own fields, so altering, inserting or removing a row breaks every link after it.
enum AuditChain {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The entry's hash: SHA-256 over `previous` and the entry's fields, separated by U+001F.
    ///
    /// The region is a further field only when there is one (migration 0007): entries written before regions were
    /// recorded keep the hash they were written with, and altering or removing a recorded region breaks the link.
    static func hash(of entry: AuditEntry, previous: String) -> String {
        hash(fields: fields(of: entry), previous: previous)
    }

    static func hash(fields: [String], previous: String) -> String {
        SHA256.hex(([previous] + fields).joined(separator: separator))
    }

    static let separator = "\u{1F}"

    /// The entry's hashed fields after the link, in order.
    static func fields(of entry: AuditEntry) -> [String] {
        var fields = [
            String(entry.id), entry.at, entry.actorToken.map(String.init) ?? "", entry.actorRole, entry.action,
            entry.resource, entry.requestID, entry.digest,
        ]
        if let region = entry.regionCode { fields.append(region.value) }
        return fields
    }

    /// The first entry whose link or hash does not hold, walking `entries` in id order from `previous`.
    static func firstBreak(in entries: some Sequence<AuditEntry>, startingAfter previous: String = genesis)
        -> AuditChainBreak?
    {
        var previous = previous
        for entry in entries {
            guard entry.previous == previous else {
                return AuditChainBreak(entryID: entry.id, reason: "its link does not name the entry before it")
            }
            // The separator inside a field would let text move between fields (or into a missing region) under
            // the same hash; no field the registry writes contains it.
            let fields = fields(of: entry)
            guard !fields.contains(where: { $0.contains(separator) }) else {
                return AuditChainBreak(entryID: entry.id, reason: "a field holds the chain's field separator")
            }
            guard entry.hash == hash(fields: fields, previous: previous) else {
                return AuditChainBreak(entryID: entry.id, reason: "its content does not match its hash")
            }
            previous = entry.hash
        }
        return nil
    }
}
