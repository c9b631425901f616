extension DirectReport {
    /// Why the enterprise may not file a direct report on `today`, or nil when it may (it has a registered `cqo`
    /// then; API.md "an enterprise with a registered CQO"). The reason names what is missing.
    public static func filingRefusal(uscc: USCC, appointments: [Appointment], today: CivilDate) -> String? {
        guard !mayFile(uscc: uscc, appointments: appointments, today: today) else { return nil }
        let cqo = appointments.filter { $0.uscc == uscc && $0.role == .cqo }
        guard let latest = cqo.max(by: { $0.id < $1.id }) else {
            return "the enterprise has no CQO filing: a direct report is sent by a registered CQO (001 §(十一))"
        }
        switch latest.status {
        case .submitted, .returned:
            return "the enterprise's CQO filing is \(latest.status.rawValue), not yet registered by the bureau"
        case .registered:
            return "the enterprise's CQO is registered from \(latest.registeredOn?.description ?? "a later date"), "
                + "not today"
        case .dismissed, .superseded, .removed:
            return "the enterprise has no registered CQO today: its last CQO appointment is \(latest.status.rawValue)"
                + (latest.endedOn.map { " since \($0)" } ?? "")
        }
    }
}
