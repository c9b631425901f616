extension CoverageTarget {
    /// A target's wire fields as decoded, every one optional (`id` is read-only and given apart).
    public struct Draft: Hashable, Sendable {
        public var regionCode: String?
        public var metric: String?
        public var roles: [String]?
        public var sizeClass: String?
        public var aboveScale: Bool?
        public var manufacturing: Bool?
        public var deadline: String?
        /// The JSON number's text (or a JSON string holding it), e.g. `0.6`.
        public var ratio: String?

        public init(
            regionCode: String? = nil, metric: String? = nil, roles: [String]? = nil, sizeClass: String? = nil,
            aboveScale: Bool? = nil, manufacturing: Bool? = nil, deadline: String? = nil, ratio: String? = nil
        ) {
            self.regionCode = regionCode
            self.metric = metric
            self.roles = roles
            self.sizeClass = sizeClass
            self.aboveScale = aboveScale
            self.manufacturing = manufacturing
            self.deadline = deadline
            self.ratio = ratio
        }
    }

    /// Validates a decoded target, reporting every violation at once: `region_code`, `metric` (default
    /// `appointment`), `roles` (default `["cqo"]`; non-empty; `roles[1]` names a bad item),
    /// `population.size_class`, `deadline` (required), `ratio` (required, 0–1, at most six decimals).
    public static func validated(_ draft: Draft, id: Int64) throws(ValidationFailure) -> CoverageTarget {
        var collector = ViolationCollector()
        let region = collector.check { () throws(ValidationFailure) in
            guard let text = draft.regionCode, !text.isEmpty else {
                throw .required("region_code", "region_code is required")
            }
            return try RegionCode(text)
        }
        let metric = collector.check { () throws(ValidationFailure) in
            try draft.metric.map { text throws(ValidationFailure) in try CoverageMetric.parsed(text) } ?? .appointment
        }
        let roles = collector.check { () throws(ValidationFailure) in try validatedRoles(draft.roles) }
        let sizeClass = collector.check { () throws(ValidationFailure) -> SizeClass? in
            guard let text = draft.sizeClass else { return nil }
            guard let sizeClass = SizeClass(rawValue: text) else {
                throw ValidationFailure(
                    field: "population.size_class", code: "unknown",
                    message: "a size class is large, medium, small or micro")
            }
            return sizeClass
        }
        let deadline = collector.check { () throws(ValidationFailure) in
            try CivilDate.parsed(draft.deadline, field: "deadline")
        }
        let ratio = collector.check { () throws(ValidationFailure) in
            guard let text = draft.ratio, !text.isEmpty else { throw .required("ratio", "ratio is required") }
            return try CoverageRatio(text)
        }
        try collector.throwIfAny()
        guard let region, let metric, let roles, let sizeClass, let deadline, let ratio else {
            throw ValidationFailure(collector.violations)
        }
        let population = PopulationFilter(
            sizeClass: sizeClass, aboveScale: draft.aboveScale, manufacturing: draft.manufacturing)
        return CoverageTarget(
            id: id, regionCode: region, metric: metric, roles: roles, population: population, deadline: deadline,
            ratio: ratio)
    }

    static func validatedRoles(_ texts: [String]?) throws(ValidationFailure) -> Set<Role> {
        guard let texts else { return defaultRoles }
        guard !texts.isEmpty else {
            throw ValidationFailure(field: "roles", code: "length", message: "roles names at least one role")
        }
        var roles: Set<Role> = []
        var collector = ViolationCollector()
        for (index, text) in texts.enumerated() {
            if let role = collector.check({ () throws(ValidationFailure) in
                try Role.parsed(text, field: "roles[\(index)]")
            }) {
                roles.insert(role)
            }
        }
        try collector.throwIfAny()
        return roles
    }
}
