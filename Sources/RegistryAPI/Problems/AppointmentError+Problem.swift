import HTTPServer
import RegistryDomain

extension AppointmentError: ProblemConvertible {
    package var problem: Problem {
        switch self {
        case .illegalTransition(let status, let action):
            Problem(
                .conflict, type: ProblemType.conflict, title: "The appointment's status does not allow this",
                detail: "a \(status.rawValue) appointment cannot be \(action)")
        case .invalid(let failure):
            failure.problem
        case .outOfScope:
            Problem.notFound()  // 404, not 403: existence is not revealed
        }
    }
}
