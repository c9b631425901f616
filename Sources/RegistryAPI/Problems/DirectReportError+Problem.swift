import HTTPServer
import RegistryDomain

extension DirectReportError: ProblemConvertible {
    package var problem: Problem {
        switch self {
        case .illegalTransition(let status, let action):
            Problem(
                .conflict, type: ProblemType.conflict, title: "The report's status does not allow this",
                detail: "a \(status.rawValue) report cannot be \(action == .acknowledge ? "acknowledged" : "closed")"
                    + (action == .close && status == .open ? "; acknowledge it first" : ""))
        }
    }
}
