import RegistryDomain

/// What the coverage index keeps of one enterprise: where it is, what it is, when it is in the population, and
/// the days its coverage holds.
struct CoverageEntry: Sendable {
    var uscc: String
    var region: UInt64
    var industry: UInt64
    /// Bits 0–1 size class (large, medium, small, micro), 2 above-scale, 3 manufacturing, 4–5 sector,
    /// 6 and 7 (set by `CoverageColumns`) more than one covered, or trained, range.
    var attributes: UInt8
    /// In the population on day d when `from <= d < to` (the roster's registration and deregistration dates).
    var from: Int32
    var to: Int32
    /// Disjoint, sorted half-open day ranges on which a registered `cqo` appointment holds.
    var covered: [Range<Int32>]
    /// Disjoint, sorted day ranges, each within `covered`, on which a registered `cqo` appointee holds a valid
    /// certificate (metric `training`: the population is `covered` within `from..<to`, the covered these).
    var trained: [Range<Int32>] = []
}

/// The coverage index's columns, one slot per enterprise (struct of arrays, so a scan touches little memory).
/// A value type: readers copy it (the arrays are shared until the next change copies them).
struct CoverageColumns: Sendable {
    /// The coverage data version these columns reflect; -1 before the first load.
    var version: Int64 = -1
    var slots = CoverageSlots()
    var region: [UInt64] = []
    var industry: [UInt64] = []
    var attributes: [UInt8] = []
    var from: [Int32] = []
    var to: [Int32] = []
    /// The first covered range inline (empty range when none); further ranges in `moreCovered`.
    var coveredFrom: [Int32] = []
    var coveredTo: [Int32] = []
    var moreCovered: [Int: [Range<Int32>]] = [:]
    /// The first trained range inline (empty range when none); further ranges in `moreTrained`.
    var trainedFrom: [Int32] = []
    var trainedTo: [Int32] = []
    var moreTrained: [Int: [Range<Int32>]] = [:]
    /// Cell timelines at `CoverageCells.levels` (empty until built); kept in step by `set`.
    var cells: [CoverageCells] = []

    var count: Int { region.count }

    /// Room for `capacity` enterprises without regrowing the columns (a full load knows the roster's size).
    mutating func reserveCapacity(_ capacity: Int) {
        slots = CoverageSlots(capacity: capacity)
        region.reserveCapacity(capacity)
        industry.reserveCapacity(capacity)
        attributes.reserveCapacity(capacity)
        from.reserveCapacity(capacity)
        to.reserveCapacity(capacity)
        coveredFrom.reserveCapacity(capacity)
        coveredTo.reserveCapacity(capacity)
        trainedFrom.reserveCapacity(capacity)
        trainedTo.reserveCapacity(capacity)
    }

    static let sizeClasses: [SizeClass] = [.large, .medium, .small, .micro]
    static let moreCoveredBit: UInt8 = 0x40
    static let moreTrainedBit: UInt8 = 0x80
    static let sectors: [Sector] = [.product, .engineering, .service]

    /// Adds or replaces the enterprise's slot; nil removes it from every population (slots are never reused).
    mutating func set(_ uscc: String, _ entry: CoverageEntry?) {
        let slot: Int
        if let existing = slots[uscc] {
            slot = existing
            if !cells.isEmpty {
                let old = self.entry(slot)
                for level in cells.indices { cells[level].apply(old, sign: -1) }
            }
        } else {
            guard entry != nil else { return }
            slot = count
            slots[uscc] = slot
            region.append(0); industry.append(0); attributes.append(0); from.append(0); to.append(0)
            coveredFrom.append(0); coveredTo.append(0); trainedFrom.append(0); trainedTo.append(0)
        }
        guard let entry else {
            from[slot] = .max
            to[slot] = .max
            moreCovered[slot] = nil
            moreTrained[slot] = nil
            return
        }
        for level in cells.indices { cells[level].apply(entry, sign: 1) }
        region[slot] = entry.region
        industry[slot] = entry.industry
        attributes[slot] =
            entry.attributes | (entry.covered.count > 1 ? Self.moreCoveredBit : 0)
            | (entry.trained.count > 1 ? Self.moreTrainedBit : 0)
        from[slot] = entry.from
        to[slot] = entry.to
        coveredFrom[slot] = entry.covered.first?.lowerBound ?? 0
        coveredTo[slot] = entry.covered.first?.upperBound ?? 0
        moreCovered[slot] = entry.covered.count > 1 ? Array(entry.covered.dropFirst()) : nil
        trainedFrom[slot] = entry.trained.first?.lowerBound ?? 0
        trainedTo[slot] = entry.trained.first?.upperBound ?? 0
        moreTrained[slot] = entry.trained.count > 1 ? Array(entry.trained.dropFirst()) : nil
    }

    /// The slot as an entry (without its USCC).
    func entry(_ slot: Int) -> CoverageEntry {
        var covered: [Range<Int32>] = []
        if coveredFrom[slot] < coveredTo[slot] { covered.append(coveredFrom[slot]..<coveredTo[slot]) }
        if attributes[slot] & Self.moreCoveredBit != 0 { covered += moreCovered[slot] ?? [] }
        var trained: [Range<Int32>] = []
        if trainedFrom[slot] < trainedTo[slot] { trained.append(trainedFrom[slot]..<trainedTo[slot]) }
        if attributes[slot] & Self.moreTrainedBit != 0 { trained += moreTrained[slot] ?? [] }
        return CoverageEntry(
            uscc: "", region: region[slot], industry: industry[slot],
            attributes: attributes[slot] & CoverageCells.keyBits,
            from: from[slot], to: to[slot], covered: covered, trained: trained)
    }

    /// Whether the slot's coverage holds on `day`.
    @inline(__always) func isCovered(_ slot: Int, on day: Int32) -> Bool {
        if coveredFrom[slot] <= day && day < coveredTo[slot] { return true }
        guard attributes[slot] & Self.moreCoveredBit != 0, let more = moreCovered[slot] else { return false }
        return more.contains { $0.contains(day) }
    }

    /// Whether a registered `cqo` appointee of the slot holds a valid certificate on `day`.
    @inline(__always) func isTrained(_ slot: Int, on day: Int32) -> Bool {
        if trainedFrom[slot] <= day && day < trainedTo[slot] { return true }
        guard attributes[slot] & Self.moreTrainedBit != 0, let more = moreTrained[slot] else { return false }
        return more.contains { $0.contains(day) }
    }

    /// Sorts and merges appointment terms into disjoint ranges.
    static func merged(_ terms: [Range<Int32>]) -> [Range<Int32>] {
        var result: [Range<Int32>] = []
        for term in terms.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, term.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, term.upperBound)
            } else {
                result.append(term)
            }
        }
        return result
    }

    static func attributes(size: String, aboveScale: Bool, industry: String, sector: String) -> UInt8 {
        let sizeIndex = sizeClasses.firstIndex { $0.rawValue == size } ?? 3
        let sectorIndex = sectors.firstIndex { $0.rawValue == sector } ?? 0
        return UInt8(sizeIndex) | (aboveScale ? 4 : 0) | (industry.hasPrefix("C") ? 8 : 0) | UInt8(sectorIndex << 4)
    }
}
