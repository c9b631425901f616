import HTTPServer
import RegistryDomain

extension StoreError: ProblemConvertible {
    package var problem: Problem {
        switch self {
        case .notFound:
            Problem(.notFound, type: ProblemType.notFound, detail: "no such resource in your scope")
        case .duplicate(let detail):
            Problem(.conflict, type: ProblemType.duplicate, detail: detail)
        case .busy:
            Problem(
                .serviceUnavailable, type: ProblemType.unavailable, detail: "the registry is busy; try again",
                headers: ["Retry-After": "1"])
        case .constraint, .migrationMismatch, .unreadable:
            // A refused constraint here is a bug above the store, an unreadable row an altered database; the log
            // gets the case (the router logs every 5xx), the client nothing of the schema.
            Problem(.internalServerError)
        }
    }
}
