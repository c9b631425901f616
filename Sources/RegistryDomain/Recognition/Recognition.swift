/// A recognition on an enterprise (000 §1, §4): an exemplary case (典型案例) or a demonstration base (示范基地),
/// at a level, in a year, with a title.
public struct Recognition: Hashable, Sendable, Identifiable {
    public static let maximumTitleLength = 200
    /// The earliest year accepted. The default reflects the CQO system's history; older entries are typos.
    public static let earliestYear = 2000

    public var id: Int64
    public var uscc: USCC
    public var kind: RecognitionKind
    public var level: RecognitionLevel
    public var year: Int
    public var title: String

    public init(id: Int64, uscc: USCC, kind: RecognitionKind, level: RecognitionLevel, year: Int, title: String) {
        self.id = id
        self.uscc = uscc
        self.kind = kind
        self.level = level
        self.year = year
        self.title = title
    }

    /// The wire fields as decoded, every one optional.
    public struct Draft: Hashable, Sendable {
        public var kind: String?
        public var level: String?
        public var year: Int?
        public var title: String?

        public init(kind: String? = nil, level: String? = nil, year: Int? = nil, title: String? = nil) {
            self.kind = kind
            self.level = level
            self.year = year
            self.title = title
        }
    }

    /// Validates a decoded recognition: `kind`, `level`, `year` (2000 … `today`'s year) and `title` (≤ 200
    /// characters) are required.
    public static func validated(_ draft: Draft, id: Int64, uscc: USCC, today: CivilDate)
        throws(ValidationFailure) -> Recognition
    {
        var collector = ViolationCollector()
        let kind = collector.check { () throws(ValidationFailure) in
            try member(RecognitionKind.self, draft.kind, field: "kind", allowed: "exemplary_case or demonstration_base")
        }
        let level = collector.check { () throws(ValidationFailure) in
            try member(RecognitionLevel.self, draft.level, field: "level", allowed: "national, provincial or city")
        }
        if let year = draft.year {
            if !(earliestYear...today.year).contains(year) {
                collector.add("year", "range", "year lies from \(earliestYear) to \(today.year)")
            }
        } else {
            collector.add(.required("year", "year is required"))
        }
        let title = collector.check { () throws(ValidationFailure) in
            try TextField.required(draft.title, field: "title", maximum: maximumTitleLength)
        }
        try collector.throwIfAny()
        guard let kind, let level, let year = draft.year, let title else {
            throw ValidationFailure(collector.violations)
        }
        return Recognition(id: id, uscc: uscc, kind: kind, level: level, year: year, title: title)
    }

    private static func member<T: RawRepresentable<String>>(
        _ type: T.Type, _ text: String?, field: String, allowed: String
    )
        throws(ValidationFailure) -> T
    {
        guard let text, !text.isEmpty else { throw .required(field, "\(field) is required") }
        guard let value = T(rawValue: text) else {
            throw ValidationFailure(field: field, code: "unknown", message: "\(field) is \(allowed)")
        }
        return value
    }
}

/// Raw values are wire names.
public enum RecognitionKind: String, CaseIterable, Codable, Sendable {
    /// 典型案例
    case exemplaryCase = "exemplary_case"
    /// 示范基地
    case demonstrationBase = "demonstration_base"
}

/// Raw values are wire names.
public enum RecognitionLevel: String, CaseIterable, Codable, Sendable {
    case national, provincial, city
}
