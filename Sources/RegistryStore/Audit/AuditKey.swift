import CryptoSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The audit chain's HMAC-SHA256 key: 32 random bytes in a file of their own, kept outside the database, so that
/// whoever can write the database alone cannot recompute the chain after altering or removing an entry.
///
/// The file is created once, on the first start that finds neither a key nor a chain keyed with one
/// (`AuditKeyring`), with mode 0600; back it up apart from the database.
package struct AuditKey: Sendable {
    /// The key's length in bytes, also the file's exact size.
    package static let byteCount = 32

    let bytes: [UInt8]
    /// The file the key was read from or written to.
    package let path: String

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The keyed hash of `text`, as 64 lower-case hex digits.
    func hash(_ text: String) -> String { HMACSHA256.hex(key: bytes, text) }

    /// The value `audit_chain_key.key_check` holds for this key when keyed hashing begins at entry `keyedFrom`.
    func check(keyedFrom: Int64) -> String { hash("cqo-registry audit chain keyed from entry \(keyedFrom)") }

    /// Reads the key at `path`.
    /// - Returns: nil when there is no file at `path`.
    /// - Throws: `AuditKeyError.unreadable` when the file cannot be read, `.malformed` when it does not hold
    ///   exactly 32 bytes.
    package static func load(path: String) throws(AuditKeyError) -> AuditKey? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .unreadable(path: path, errno: errno)
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: byteCount + 1)
        var filled = 0
        while filled < buffer.count {
            let count = buffer[filled...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        guard filled == byteCount else { throw .malformed(path: path) }
        return AuditKey(bytes: Array(buffer[..<byteCount]), path: path)
    }

    /// Creates the file at `path` (never replacing one) with mode 0600 and 32 fresh random bytes, and syncs it.
    /// - Throws: `AuditKeyError.unwritable` when the file cannot be created or written.
    package static func create(path: String) throws(AuditKeyError) -> AuditKey {
        let bytes: [UInt8]
        do { bytes = try SecureRandom.bytes(byteCount) } catch { throw .unwritable(path: path, errno: 0) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unwritable(path: path, errno: errno) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == byteCount, fsync(descriptor) == 0 else {
            let failure = errno
            unlink(path)
            throw .unwritable(path: path, errno: failure)
        }
        return AuditKey(bytes: bytes, path: path)
    }
}
