/// The documents attached to a filing (001 §(十五)): the appointment decision (任命决定) and the commitment
/// letter (承诺书). Raw values are the wire names in `PUT /v1/appointments/{id}/documents/{kind}`.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case decision, commitment
}

/// The accepted document formats, recognised by their leading bytes, never by a name or a declared type alone.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case pdf, jpeg, png

    /// The media type: `application/pdf`, `image/jpeg`, `image/png`.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// The format a media type names (parameters after `;` and case ignored), or nil.
    public init?(mediaType: some StringProtocol) {
        let essence = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let name = essence.trimmingWhitespace.lowercased()
        guard let format = DocumentFormat.allCases.first(where: { $0.mediaType == name }) else { return nil }
        self = format
    }

    /// The format the content's magic bytes show: `%PDF-`, `FF D8 FF`, or the PNG signature; nil otherwise.
    public static func sniffed(_ bytes: some Collection<UInt8>) -> DocumentFormat? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }
}

/// Limits on uploaded documents.
public struct DocumentPolicy: Hashable, Sendable {
    /// *Assumption*: the largest document accepted, in bytes. The default is 10 MiB.
    public var maximumBytes: Int

    public init(maximumBytes: Int = 10 * 1_024 * 1_024) { self.maximumBytes = maximumBytes }

    /// Why an upload is refused; the API answers 413 for `tooLarge` and 415 for the others.
    public enum Refusal: Error, Hashable, Sendable {
        case tooLarge(limit: Int)
        case unsupportedMediaType
        /// The bytes are not what the declared media type says.
        case contentMismatch(declared: DocumentFormat, found: DocumentFormat?)
    }

    /// The format of an upload declared as `mediaType` with content `bytes`, when it is acceptable.
    public func accepted(mediaType: String?, bytes: some Collection<UInt8>) throws(Refusal) -> DocumentFormat {
        guard bytes.count <= maximumBytes else { throw .tooLarge(limit: maximumBytes) }
        guard let declared = mediaType.flatMap(DocumentFormat.init(mediaType:)) else { throw .unsupportedMediaType }
        let found = DocumentFormat.sniffed(bytes)
        guard found == declared else { throw .contentMismatch(declared: declared, found: found) }
        return declared
    }
}
