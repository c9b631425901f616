import HTTPServer
import RegistryDomain

extension DocumentPolicy.Refusal: ProblemConvertible {
    package var problem: Problem {
        switch self {
        case .tooLarge(let limit):
            Problem(.contentTooLarge, detail: "a document has at most \(limit) bytes")
        case .unsupportedMediaType:
            Problem(
                .unsupportedMediaType, type: ProblemType.unsupportedMediaType,
                detail: "send a PDF, JPEG or PNG as application/pdf, image/jpeg or image/png")
        case .contentMismatch(let declared, let found):
            Problem(
                .unsupportedMediaType, type: ProblemType.unsupportedMediaType,
                detail:
                    "the bytes are \(found.map { "a \($0.rawValue.uppercased())" } ?? "no accepted format"), not the \(declared.mediaType) declared"
            )
        }
    }
}
