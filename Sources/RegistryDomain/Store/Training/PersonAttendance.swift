/// One session a person attended, with what the person record shows of it.
public struct PersonAttendance: Sendable, Hashable {
    public var sessionID: Int64
    public var title: String
    public var provider: String
    public var startsOn: CivilDate
    public var endsOn: CivilDate
    public var hours: TrainingHours

    public init(
        sessionID: Int64, title: String, provider: String, startsOn: CivilDate, endsOn: CivilDate,
        hours: TrainingHours
    ) {
        self.sessionID = sessionID
        self.title = title
        self.provider = provider
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.hours = hours
    }
}
