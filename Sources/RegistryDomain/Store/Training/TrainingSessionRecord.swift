/// A training session as stored: its revision (raised by every change to it or its attendance) and who made it.
public struct TrainingSessionRecord: Sendable, Hashable {
    public var session: TrainingSession
    public var revision: Int64
    public var attendees: Int
    public var createdBy: String
    /// RFC 3339 UTC instant.
    public var createdAt: String

    public init(session: TrainingSession, revision: Int64, attendees: Int, createdBy: String, createdAt: String) {
        self.session = session
        self.revision = revision
        self.attendees = attendees
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
