/// An e-mail address, checked for shape only: `local@domain.tld`, at most 254 characters, one `@`, no spaces or
/// control characters, a non-empty local part and a domain of non-empty dot-separated labels with at least one dot.
/// Deliverability is not the domain's business.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public static let maximumLength = 254

    public let value: String

    /// - Throws: a `ValidationFailure` on `field` with code `length` or `format`.
    public init(_ text: some StringProtocol, field: String = "email") throws(ValidationFailure) {
        guard text.utf8.count <= EmailAddress.maximumLength else {
            throw ValidationFailure(
                field: field, code: "length", message: "an e-mail address has at most 254 characters")
        }
        guard EmailAddress.hasShape(text) else {
            throw ValidationFailure(
                field: field, code: "format", message: "an e-mail address looks like name@example.com")
        }
        value = String(text)
    }

    static func hasShape(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else { return false }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    public var description: String { value }
}
