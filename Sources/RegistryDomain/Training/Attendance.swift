/// One person's attendance at a training session: the hours they attended.
public struct Attendance: Hashable, Sendable {
    public var personID: Int64
    public var hours: TrainingHours

    public init(personID: Int64, hours: TrainingHours) {
        self.personID = personID
        self.hours = hours
    }

    /// One decoded item of `PUT /v1/training-sessions/{id}/attendance`.
    public struct Draft: Hashable, Sendable {
        public var personID: Int64?
        /// The JSON number's text.
        public var hours: String?

        public init(personID: Int64? = nil, hours: String? = nil) {
            self.personID = personID
            self.hours = hours
        }
    }

    /// Validates a whole attendance list for `session`, naming items by index (`[2].hours`, with `prefix`
    /// before the bracket): each `person_id` required and listed once (`duplicate`), each `hours` required and
    /// at most the session's hours (`range`). The list replaces the old one, so an empty list is valid.
    public static func validatedList(_ drafts: [Draft], for session: TrainingSession, prefix: String = "")
        throws(ValidationFailure) -> [Attendance]
    {
        var collector = ViolationCollector()
        var seen: Set<Int64> = []
        var list: [Attendance] = []
        for (index, draft) in drafts.enumerated() {
            let path = "\(prefix)[\(index)]"
            if let personID = draft.personID {
                if !seen.insert(personID).inserted {
                    collector.add("\(path).person_id", "duplicate", "person \(personID) is listed more than once")
                }
            } else {
                collector.add(.required("\(path).person_id", "person_id is required"))
            }
            let hours = collector.check { () throws(ValidationFailure) in
                guard let text = draft.hours, !text.isEmpty else {
                    throw .required("\(path).hours", "hours is required")
                }
                let hours = try TrainingHours(text, field: "\(path).hours")
                guard hours <= session.hours else {
                    throw ValidationFailure(
                        field: "\(path).hours", code: "range",
                        message: "attended hours are at most the session's \(session.hours)")
                }
                return hours
            }
            if let personID = draft.personID, let hours { list.append(Attendance(personID: personID, hours: hours)) }
        }
        try collector.throwIfAny()
        return list
    }
}
