import CryptoSupport
import RegistryDomain

/// One audit entry to append: the action, the resource, the region it concerns, and the change itself (only its
/// digest is kept).
struct AuditNote: Sendable {
    var action: String
    var resource: String
    /// The region the change concerns, which decides which admins see the entry (nil: none, seen only by admins of
    /// a whole province or wider). A `let`, so that every note says it.
    let regionCode: RegionCode?
    var change: [UInt8]
}

extension AuditNote {
    /// The entry `caller` appends for this note in the request named `requestID` at `at` (RFC 3339): the one way
    /// every API change and personal-data read is recorded (only the change's digest is kept).
    func entry(by caller: Caller, requestID: String, at: String) -> AuditEntry {
        AuditEntry(
            at: at, actorToken: caller.tokenID, actorRole: caller.role.rawValue, action: action, resource: resource,
            requestID: requestID, digest: SHA256.hex(change), regionCode: regionCode)
    }
}
