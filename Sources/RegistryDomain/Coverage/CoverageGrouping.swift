/// How a coverage answer is split into groups (API.md `group_by`). Raw values are wire names.
///
/// Group keys are text, as on the wire:
/// - `size_class`: `large`, `medium`, `small`, `micro`;
/// - `above_scale`: `true`, `false`;
/// - `sector`: `product`, `engineering`, `service`;
/// - `region`: the enterprise's division code cut to the next level of the statistical hierarchy below the
///   queried region (levels of 2, 4, 6, 9 and 12 digits). When the digits that level adds are all zeros (a city
///   without districts, such as Zhongshan 4420 → 442000) and the code goes deeper, the next level is taken
///   instead (4420 → 442000100, a town). A code shorter than the level is its own key.
/// - `industry`: the enterprise's GB/T 4754 code cut to the next level below the query's `industry` filter
///   (none → section `C`; section → division `C38`; division → group `C385`; group → class `C3857`). A code
///   shorter than the level is its own key.
public enum CoverageGrouping: String, CaseIterable, Codable, Sendable {
    case sizeClass = "size_class"
    case aboveScale = "above_scale"
    case region
    case industry
    case sector

    /// Levels of the statistical division code.
    public static let regionLevels = [2, 4, 6, 9, 12]
    /// Levels of a GB/T 4754 code: section, division, group, class.
    public static let industryLevels = [1, 3, 4, 5]

    /// The key of `enterprise`'s group in a query for `region` filtered by `population`.
    public func key(of enterprise: Enterprise, region: RegionCode, population: PopulationFilter) -> String {
        switch self {
        case .sizeClass: enterprise.sizeClass.rawValue
        case .aboveScale: String(enterprise.aboveScale)
        case .sector: enterprise.sector.rawValue
        case .region: Self.regionKey(enterprise.regionCode.value, below: region.value)
        case .industry: Self.industryKey(enterprise.industryCode.value, below: population.industry?.value)
        }
    }

    static func regionKey(_ code: String, below region: String) -> String {
        let digits = Array(code)
        var level = Self.regionLevels.first { $0 > region.count } ?? digits.count
        var from = region.count
        while level < digits.count, digits[from..<level].allSatisfy({ $0 == "0" }),
            let deeper = Self.regionLevels.first(where: { $0 > level })
        {
            from = level
            level = deeper
        }
        return String(digits.prefix(level))
    }

    static func industryKey(_ code: String, below filter: String?) -> String {
        let length = filter?.count ?? 0
        let level = Self.industryLevels.first { $0 > length } ?? code.count
        return String(code.prefix(level))
    }

    /// The query's population narrowed to the group with `key`: what every enterprise in the group is known to
    /// satisfy. Used to decide which targets apply to the group (`PopulationFilter.contains`).
    /// The `region` grouping narrows the region, not the filter: see `CoverageGroupScope`.
    public func narrowing(_ population: PopulationFilter, toKey key: String) -> PopulationFilter {
        var narrowed = population
        switch self {
        case .sizeClass: narrowed.sizeClass = SizeClass(rawValue: key)
        case .aboveScale: narrowed.aboveScale = key == "true"
        case .sector: narrowed.sector = Sector(rawValue: key)
        case .industry: narrowed.industry = try? IndustryCode(key)
        case .region: break
        }
        return narrowed
    }

    /// Parses a wire name, naming `field` in the violation (code `unknown`).
    public static func parsed(_ text: String, field: String = "group_by") throws(ValidationFailure) -> CoverageGrouping
    {
        guard let grouping = CoverageGrouping(rawValue: text) else {
            throw ValidationFailure(
                field: field, code: "unknown",
                message: "group_by is size_class, above_scale, region, industry or sector")
        }
        return grouping
    }
}
