/// A training session run by a provider the province commissioned (001 §(六), §(七)).
public struct TrainingSession: Hashable, Sendable, Identifiable {
    public static let maximumTextLength = 200

    public var id: Int64
    public var provider: String
    public var title: String
    public var hours: TrainingHours
    public var startsOn: CivilDate
    public var endsOn: CivilDate
    public var mode: TrainingMode
    public var regionCode: RegionCode

    public init(
        id: Int64, provider: String, title: String, hours: TrainingHours, startsOn: CivilDate, endsOn: CivilDate,
        mode: TrainingMode, regionCode: RegionCode
    ) {
        self.id = id
        self.provider = provider
        self.title = title
        self.hours = hours
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.mode = mode
        self.regionCode = regionCode
    }

    /// The wire fields as decoded, every one optional. `hours` is the JSON number's text.
    public struct Draft: Hashable, Sendable {
        public var provider: String?
        public var title: String?
        public var hours: String?
        public var startsOn: String?
        public var endsOn: String?
        public var mode: String?
        public var regionCode: String?

        public init(
            provider: String? = nil, title: String? = nil, hours: String? = nil, startsOn: String? = nil,
            endsOn: String? = nil, mode: String? = nil, regionCode: String? = nil
        ) {
            self.provider = provider
            self.title = title
            self.hours = hours
            self.startsOn = startsOn
            self.endsOn = endsOn
            self.mode = mode
            self.regionCode = regionCode
        }
    }

    /// Validates a decoded session, every field required: `provider`, `title` (≤ 200 characters), `hours`
    /// (`TrainingHours`), `starts_on` ≤ `ends_on` (`range` on `ends_on`), `mode`, `region_code`.
    public static func validated(_ draft: Draft, id: Int64) throws(ValidationFailure) -> TrainingSession {
        var collector = ViolationCollector()
        let provider = collector.check { () throws(ValidationFailure) in
            try TextField.required(draft.provider, field: "provider", maximum: maximumTextLength)
        }
        let title = collector.check { () throws(ValidationFailure) in
            try TextField.required(draft.title, field: "title", maximum: maximumTextLength)
        }
        let hours = collector.check { () throws(ValidationFailure) in
            guard let text = draft.hours, !text.isEmpty else { throw .required("hours", "hours is required") }
            return try TrainingHours(text)
        }
        let startsOn = collector.check { () throws(ValidationFailure) in
            try CivilDate.parsed(draft.startsOn, field: "starts_on")
        }
        let endsOn = collector.check { () throws(ValidationFailure) in
            try CivilDate.parsed(draft.endsOn, field: "ends_on")
        }
        if let startsOn, let endsOn, endsOn < startsOn {
            collector.add("ends_on", "range", "ends_on is on or after starts_on")
        }
        let mode = collector.check { () throws(ValidationFailure) in
            guard let text = draft.mode, !text.isEmpty else { throw .required("mode", "mode is required") }
            guard let mode = TrainingMode(rawValue: text) else {
                throw ValidationFailure(field: "mode", code: "unknown", message: "mode is online or offline")
            }
            return mode
        }
        let region = collector.check { () throws(ValidationFailure) in
            guard let text = draft.regionCode, !text.isEmpty else {
                throw .required("region_code", "region_code is required")
            }
            return try RegionCode(text)
        }
        try collector.throwIfAny()
        guard let provider, let title, let hours, let startsOn, let endsOn, let mode, let region else {
            throw ValidationFailure(collector.violations)
        }
        return TrainingSession(
            id: id, provider: provider, title: title, hours: hours, startsOn: startsOn, endsOn: endsOn, mode: mode,
            regionCode: region)
    }
}

/// How a session is delivered. Raw values are wire names.
public enum TrainingMode: String, CaseIterable, Codable, Sendable {
    case online, offline
}
