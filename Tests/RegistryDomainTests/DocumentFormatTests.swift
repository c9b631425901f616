import RegistryDomain
import Testing

@Suite struct DocumentFormatTests {
    private static let pdf = Array("%PDF-1.7\n".utf8)
    private static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]
    private static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]

    @Test(
        arguments: [
            (pdf, DocumentFormat.pdf), (jpeg, .jpeg), (png, .png), (Array("GIF89a".utf8), nil), ([], nil),
            (Array("%PDF".utf8), nil),
        ] as [([UInt8], DocumentFormat?)])
    func formatsAreRecognisedByTheirLeadingBytes(bytes: [UInt8], format: DocumentFormat?) {
        #expect(DocumentFormat.sniffed(bytes) == format)
    }

    @Test(
        arguments: [
            ("application/pdf", DocumentFormat.pdf), ("Image/JPEG", .jpeg), ("image/png; charset=binary", .png),
            ("image/gif", nil), ("", nil), ("application/pdfx", nil),
        ] as [(String, DocumentFormat?)])
    func mediaTypesNameFormats(mediaType: String, format: DocumentFormat?) {
        #expect(DocumentFormat(mediaType: mediaType) == format)
    }

    @Test func uploadsAreCheckedForSizeTypeAndContent() throws {
        let policy = DocumentPolicy(maximumBytes: 9)
        #expect(try policy.accepted(mediaType: "application/pdf", bytes: Self.pdf) == .pdf)
        #expect(throws: DocumentPolicy.Refusal.tooLarge(limit: 9)) {
            try policy.accepted(mediaType: "image/png", bytes: Self.png)
        }
        #expect(throws: DocumentPolicy.Refusal.unsupportedMediaType) {
            try policy.accepted(mediaType: "text/plain", bytes: Self.jpeg)
        }
        #expect(throws: DocumentPolicy.Refusal.unsupportedMediaType) {
            try policy.accepted(mediaType: nil, bytes: Self.jpeg)
        }
        #expect(throws: DocumentPolicy.Refusal.contentMismatch(declared: .pdf, found: .jpeg)) {
            try policy.accepted(mediaType: "application/pdf", bytes: Self.jpeg)
        }
        #expect(DocumentPolicy().maximumBytes == 10_485_760)
    }

    @Test(arguments: DocumentKind.allCases)
    func documentKindsAreTheFilingsTwo(kind: DocumentKind) {
        #expect(["decision", "commitment"].contains(kind.rawValue))
    }
}
