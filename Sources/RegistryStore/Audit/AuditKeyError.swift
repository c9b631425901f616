#if canImport(Glibc)
    import Glibc
#endif

/// Why the audit key cannot be used: the database stays closed rather than write or verify a chain under the
/// wrong key, or under none.
package enum AuditKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chain is keyed but there is no key file at `path`.
    case missing(path: String)
    /// The key file does not hold exactly 32 bytes.
    case malformed(path: String)
    /// The key at `path` is not the one the chain was keyed with (or `audit_chain_key` was altered).
    case mismatch(path: String)
    /// A key file exists but the database records no key: its record was removed, or the file belongs elsewhere.
    case unrecorded(path: String)
    /// The database lacks the row saying where keyed hashing begins (written by migration 0011).
    case recordMissing
    /// An audit entry was to be appended without a key.
    case notGiven
    case unreadable(path: String, errno: Int32)
    case unwritable(path: String, errno: Int32)

    package var description: String {
        switch self {
        case .missing(let path):
            "the audit log is keyed, but there is no audit key at \(path): restore the key file (--audit-key)"
        case .malformed(let path): "the audit key at \(path) is not \(AuditKey.byteCount) bytes"
        case .mismatch(let path):
            "the audit key at \(path) is not the key this audit log was written with, "
                + "or the database's record of the key (audit_chain_key) was altered"
        case .unrecorded(let path):
            "there is an audit key at \(path), but the database records none: its record (audit_chain_key) was "
                + "removed, or the key belongs to another database (if a first start stopped before recording it "
                + "and the audit log has no entry since, remove the key file and start again)"
        case .recordMissing: "the database's record of where the keyed audit chain begins (audit_chain_key) is missing"
        case .notGiven: "no audit key was configured, so no audit entry can be written"
        case .unreadable(let path, let number): "cannot read the audit key at \(path): \(Self.reason(number))"
        case .unwritable(let path, let number): "cannot create the audit key at \(path): \(Self.reason(number))"
        }
    }

    private static func reason(_ number: Int32) -> String {
        number == 0 ? "no random source" : String(cString: strerror(number))
    }
}
