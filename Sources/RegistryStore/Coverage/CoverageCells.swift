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

    /// Builds every level's cells from the columns at once: the finest level from the enterprises, every other by
    /// summing its cells (so only one level's changes are ever held at once, and the coarse levels cost little).
    static func all(_ columns: CoverageColumns) -> [CoverageCells] {
        let finest = finest(columns)
        let industryLevels = levels.map {
            $0 == finest.digits ? finest : finest.merged(digits: $0, keepsIndustry: true)
        }
        return industryLevels + industryLevels.map { $0.merged(digits: $0.digits, keepsIndustry: false) }
    }

    /// The cells of this level merged to `digits` (no more than this level's), with industries kept or merged.
    func merged(digits: Int, keepsIndustry: Bool) -> CoverageCells {
        var merged = CoverageCells(digits: digits, keepsIndustry: keepsIndustry)
        let scale = CoverageCodes.power(CoverageCodes.regionDigits - digits)
        var members: [[Int]] = []
        for (cell, key) in keys.enumerated() {
            let mergedKey = CoverageCellKey(
                region: key.region / scale * scale, industry: keepsIndustry ? key.industry : 0,
                attributes: key.attributes)
            if let existing = merged.index[mergedKey] {
                members[existing].append(cell)
            } else {
                merged.index[mergedKey] = merged.keys.count
                merged.keys.append(mergedKey)
                members.append([cell])
            }
        }
        merged.timelines = members.map { cells in CoverageTimeline(summing: cells.lazy.map { timelines[$0] }) }
        merged.sortOrder()
        return merged
    }

    /// The finest level, with industries, from every enterprise's changes.
    static func finest(_ columns: CoverageColumns) -> CoverageCells {
        var level = CoverageCells(digits: levels.last ?? CoverageCodes.regionDigits)
        var changes: [[CoverageChange]] = []
        for slot in 0..<columns.count {
            let entry = columns.entry(slot)
            let entryChanges = entry.changes()
            guard !entryChanges.isEmpty else { continue }
            let key = level.key(entry)
            if let cell = level.index[key] {
                changes[cell] += entryChanges
            } else {
                level.index[key] = level.keys.count
                level.keys.append(key)
                changes.append(entryChanges)
            }
        }
        level.timelines = changes.map { CoverageTimeline(changes: $0) }
        level.sortOrder()
        return level
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
        for change in changes { timelines[cell].add(change) }
    }

    /// Brings `order` up to date with cells added since: a few new cells are inserted where they belong (a patch
    /// adds one or two), many at once sort the whole order.
    mutating func sortOrder() {
        let added = keys.count - order.count
        guard added > 0 else { return }
        guard added <= 64, !order.isEmpty else {
            order = keys.indices.sorted { keys[$0].region < keys[$1].region }
            return
        }
        for cell in order.count..<keys.count {
            let region = keys[cell].region
            var low = 0
            var high = order.count
            while low < high {
                let middle = (low + high) / 2
                if keys[order[middle]].region <= region { low = middle + 1 } else { high = middle }
            }
            order.insert(cell, at: low)
        }
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
