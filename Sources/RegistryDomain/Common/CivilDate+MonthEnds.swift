extension CivilDate {
    /// The first day of this date's month.
    public var startOfMonth: CivilDate { CivilDate(year: year, month: month, day: 1) ?? self }

    /// The last day of the next month.
    public var endOfNextMonth: CivilDate { endOfMonth.adding(days: 1).endOfMonth }

    /// Every month end `E` with `from ≤ E ≤ to`, in order (the points of a coverage trend). Empty when `to < from`
    /// or no month ends in between. `to` itself is a point only when it is a month end.
    public static func monthEnds(from: CivilDate, through to: CivilDate) -> [CivilDate] {
        var ends: [CivilDate] = []
        var end = from.endOfMonth
        while end <= to {
            ends.append(end)
            end = end.endOfNextMonth
        }
        return ends
    }
}
