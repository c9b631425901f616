import HTTPServer
import RegistryDomain

/// The result of an exam attempt: how it was judged and the certificate the person holds after it (issued by it, or
/// held already when `issued` is false).
struct ExamOutcome: Sendable, Hashable {
    var id: Int64
    var attempt: ExamAttempt
    var passMark: Int
    var passed: Bool
    var certificate: Certificate?
    var issued: Bool
}
