import CryptoSupport
import RegistryDomain

/// The audit log's hash chain: each entry's hash is taken over the previous entry's hash and the entry's own
/// fields, so altering, inserting or removing a row breaks every link after it.
///
/// From entry `keyedFrom` on (migration 0011) the hash is HMAC-SHA256 under the audit key, which is kept outside
/// the database, so the chain cannot be recomputed after a change by someone who can write only the database.
/// Entries before it keep the plain SHA-256 they were written with.
enum AuditChain {
    /// The hash before the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The entry's hash: SHA-256 over `previous` and the entry's fields, separated by U+001F.
    ///
    /// The region is a further field only when there is one (migration 0007): entries written before regions were
    /// recorded keep the hash they were written with, and altering or removing a recorded region breaks the link.
    /// With `key`, the HMAC-SHA256 of the same text under it.
    static func hash(of entry: AuditEntry, previous: String, key: AuditKey? = nil) -> String {
        hash(fields: fields(of: entry), previous: previous, key: key)
    }

    static func hash(fields: [String], previous: String, key: AuditKey? = nil) -> String {
        let text = ([previous] + fields).joined(separator: separator)
        return key.map { $0.hash(text) } ?? SHA256.hex(text)
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
    ///
    /// Entries from `keyedFrom` on must carry the keyed hash under `key`; without a key none may exist there.
    static func firstBreak(
        in entries: some Sequence<AuditEntry>, startingAfter previous: String = genesis, keyedFrom: Int64 = .max,
        key: AuditKey? = nil
    ) -> AuditChainBreak? {
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
            if entry.id >= keyedFrom {
                guard let key else {
                    return AuditChainBreak(
                        entryID: entry.id,
                        reason: "the chain is keyed from entry \(keyedFrom) and no audit key was given")
                }
                guard entry.hash == hash(fields: fields, previous: previous, key: key) else {
                    let plain = entry.hash == hash(fields: fields, previous: previous)
                    return AuditChainBreak(
                        entryID: entry.id,
                        reason: plain
                            ? "it carries a plain SHA-256 hash, but the chain is keyed from entry \(keyedFrom)"
                            : "its content does not match its keyed hash")
                }
            } else {
                guard entry.hash == hash(fields: fields, previous: previous) else {
                    return AuditChainBreak(entryID: entry.id, reason: "its content does not match its hash")
                }
            }
            previous = entry.hash
        }
        return nil
    }
}
