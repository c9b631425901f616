import HTTPServer
import RegistryDomain

/// Whether a kept `Idempotency-Key` response may still be shown to its caller. It runs before a replay, in the
/// replay's transaction, with the kept response's `Location`, and throws (a 404, as for anything outside the scope)
/// when what the response shows has left the caller's scope since it was kept: an enterprise moved to another
/// region, a target replaced with one elsewhere, a person's filings moved away.
struct ReplayScope: Sendable {
    let check: @Sendable (_ reader: any RegistryReader, _ location: String?) throws -> Void

    /// The enterprise is on the roster and within the caller's scope now.
    static func enterprise(_ uscc: USCC, _ caller: Caller, on day: CivilDate) -> ReplayScope {
        ReplayScope { reader, _ in
            guard let record = try reader.enterprise(uscc, on: day),
                caller.covers(region: record.enterprise.regionCode, uscc: uscc)
            else { throw Problem.notFound() }
        }
    }

    /// The appointment's enterprise is within the caller's scope now.
    static func appointment(_ id: Int64, _ caller: Caller) -> ReplayScope {
        ReplayScope { reader, _ in
            guard let record = try reader.appointment(id: id),
                caller.covers(region: record.regionCode, uscc: record.appointment.uscc)
            else { throw Problem.notFound() }
        }
    }

    /// The person still has a filed appointment within the caller's region (as attendance and exams require).
    static func filedPerson(_ personID: Int64, _ caller: Caller) -> ReplayScope {
        ReplayScope { reader, _ in
            guard try reader.filedPeople(among: [personID], within: caller.regionScope).contains(personID) else {
                throw Problem.notFound()
            }
        }
    }

    /// For what cannot leave the caller's scope (a training session's region is fixed): the check the first
    /// request made, again.
    static func unchanged(_ isWithinScope: @escaping @Sendable () -> Bool) -> ReplayScope {
        ReplayScope { _, _ in
            guard isWithinScope() else { throw Problem.notFound() }
        }
    }
}
