import RegistryDomain

/// The names shown beside division codes in one coverage answer or export: the queried region's, and with
/// `group_by=region` each group's. A code without a name is shown without one.
struct RegionNames: Sendable {
    static let none = RegionNames(names: [:], groups: false)

    private var names: [String: String]
    /// Whether the groups are regions, and so carry a `name`.
    var groups: Bool

    init(names: [String: String], groups: Bool) {
        self.names = names
        self.groups = groups
    }

    subscript(code: String) -> String? { names[code] }

    /// Looks the names up, after the tally, in the reader's snapshot: one query for every code of `reports`.
    static func load(for query: CoverageQuery, _ reports: [CoverageReport], from reader: any RegistryReader) throws
        -> RegionNames
    {
        var codes: Set<String> = [query.region.value]
        let groups = query.groupBy == .region
        if groups {
            for report in reports { for group in report.groups { if let key = group.key { codes.insert(key) } } }
        }
        return RegionNames(names: try reader.regionNames(of: codes.sorted()), groups: groups)
    }

    /// The name of `code`, or of its longest named prefix: an enterprise at 442000100001 (a village code) is shown
    /// in 小榄镇 (442000100).
    func nearest(_ code: String) -> String? {
        var prefix = Substring(code)
        while !prefix.isEmpty {
            if let name = names[String(prefix)] { return name }
            prefix = prefix.dropLast()
        }
        return nil
    }

    /// Looks up the names of the enterprises' regions and every prefix of them (a worklist; see `nearest`).
    static func load(for enterprises: [Enterprise], from reader: any RegistryReader) throws -> RegionNames {
        var codes = Set<String>()
        for code in Set(enterprises.map(\.regionCode.value)) {
            for length in 1...code.count { codes.insert(String(code.prefix(length))) }
        }
        return RegionNames(names: try reader.regionNames(of: codes.sorted()), groups: false)
    }
}
