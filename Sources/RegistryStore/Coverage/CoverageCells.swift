/// Which enterprises share a timeline: the same region cut to a level, attributes and industry code.
struct CoverageCellKey: Hashable, Sendable {
    var region: UInt64
    var industry: UInt64
    var attributes: UInt8
}

/// Timelines of every cell at one region level, so that a coverage question about a region of at most that many
/// digits sums a few cells' counts instead of scanning every enterprise.
///
/// Each level comes twice: with industry codes in the key, and industry-blind (industry 0), which answers the
/// questions that neither filter nor group by industry — most of them — from several times fewer cells.
struct CoverageCells: Sendable {
    let digits: Int
    let keepsIndustry: Bool
    var index: [CoverageCellKey: Int] = [:]
    var keys: [CoverageCellKey] = []
    var timelines: [CoverageTimeline] = []
    /// Cell numbers in region order, for a binary search of a prefix's range.
    var order: [Int] = []

    /// The division levels of province, city, county and town. A region between two levels is answered from the
    /// finer one; one longer than a town is narrow enough to scan.
    static let levels = [2, 4, 6, 9]
    /// Attribute bits that are part of a cell's key (not the covered-ranges flag).
    static let keyBits: UInt8 = 0x3F

    init(digits: Int, keepsIndustry: Bool = true) {
        self.digits = digits
        self.keepsIndustry = keepsIndustry
    }

    func key(_ entry: CoverageEntry) -> CoverageCellKey {
        let scale = CoverageCodes.power(CoverageCodes.regionDigits - digits)
        return CoverageCellKey(
            region: entry.region / scale * scale, industry: keepsIndustry ? entry.industry : 0,
            attributes: entry.attributes & Self.keyBits)
    }

    /// Builds every level's cells from the columns at once: the industry levels from the enterprises, then the
    /// industry-blind ones by summing those.
    static func all(_ columns: CoverageColumns) -> [CoverageCells] {
        let industryLevels = withIndustry(columns)
        return industryLevels + industryLevels.map { $0.withoutIndustry() }
    }

    /// This level's cells with industries merged.
    func withoutIndustry() -> CoverageCells {
        var blind = CoverageCells(digits: digits, keepsIndustry: false)
        var members: [[Int]] = []
        for (cell, key) in keys.enumerated() {
            let blindKey = CoverageCellKey(region: key.region, industry: 0, attributes: key.attributes)
            if let existing = blind.index[blindKey] {
                members[existing].append(cell)
            } else {
                blind.index[blindKey] = blind.keys.count
                blind.keys.append(blindKey)
                members.append([cell])
            }
        }
        blind.timelines = members.map { cells in CoverageTimeline(summing: cells.lazy.map { timelines[$0] }) }
        blind.sortOrder()
        return blind
    }

    static func withIndustry(_ columns: CoverageColumns) -> [CoverageCells] {
        var levels = Self.levels.map { CoverageCells(digits: $0) }
        var changes: [[[CoverageChange]]] = levels.map { _ in [] }
        for slot in 0..<columns.count {
            let entry = columns.entry(slot)
            let entryChanges = entry.changes()
            guard !entryChanges.isEmpty else { continue }
            for level in levels.indices {
                let key = levels[level].key(entry)
                if let cell = levels[level].index[key] {
                    changes[level][cell] += entryChanges
                } else {
                    levels[level].index[key] = levels[level].keys.count
                    levels[level].keys.append(key)
                    changes[level].append(entryChanges)
                }
            }
        }
        for level in levels.indices {
            levels[level].timelines = changes[level].map { CoverageTimeline(changes: $0) }
            levels[level].sortOrder()
        }
        return levels
    }

    /// Applies one entry's changes (with `sign` −1 to take an old version out).
    mutating func apply(_ entry: CoverageEntry, sign: Int8) {
        let changes = entry.changes(sign: sign)
        guard !changes.isEmpty else { return }
        let key = key(entry)
        let cell: Int
        if let existing = index[key] {
            cell = existing
        } else {
            cell = keys.count
            index[key] = cell
            keys.append(key)
            timelines.append(CoverageTimeline())
        }
        for change in changes {
            timelines[cell].add(from: change.day, total: Int32(change.total), covered: Int32(change.covered))
        }
    }

    mutating func sortOrder() {
        guard order.count != keys.count else { return }
        order = keys.indices.sorted { keys[$0].region < keys[$1].region }
    }

    /// The cells whose region lies in `range`, in region order.
    func cells(in range: Range<UInt64>) -> ArraySlice<Int> {
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            if keys[order[middle]].region < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = order.count
        var start = low
        while start < end {
            let middle = (start + end) / 2
            if keys[order[middle]].region < range.upperBound { start = middle + 1 } else { end = middle }
        }
        return order[low..<start]
    }
}
