import RegistryDomain

/// `--expect-head HASH[:COUNT]`: an entry an operator recorded, which a whole chain still holds (at entry COUNT).
struct ExpectedHead {
    var hash: String
    var count: Int?

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].utf8.count == 64,
            parts[0].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        hash = String(parts[0])
        if parts.count == 2 {
            guard let count = Int(parts[1]), count > 0 else { return nil }
            self.count = count
        }
    }

    /// Why a whole chain of `entryCount` entries does not hold this head; nil when it does.
    func failure(in reader: any AuditReader, entryCount: Int) throws -> String? {
        if let count {
            guard count <= entryCount else {
                return "it was entry \(count), and the log now holds \(entryCount) entries: it was cut back"
            }
            var query = AuditQuery()
            query.afterID = Int64(count - 1)
            query.limit = 1
            guard let entry = try reader.auditEntries(query).first, entry.hash == hash else {
                return "entry \(count) has another hash: the log was cut back and rewritten"
            }
            return nil
        }
        guard try reader.auditEntryID(hash: hash) != nil else {
            return "no entry has hash \(hash): the log was cut back"
        }
        return nil
    }
}
