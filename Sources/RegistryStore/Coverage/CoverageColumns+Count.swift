import RegistryDomain

/// A coverage query compiled for a scan of `CoverageColumns`: range tests and a bit mask.
struct CoverageScan {
    var region: Range<UInt64>
    var regionLength: Int
    var industry: Range<UInt64>?
    var industryFilterLength: Int
    var mask: UInt8 = 0
    var want: UInt8 = 0
    var grouping: CoverageGrouping?
    /// Metric `training`: the population is the days a registered `cqo` holds, the covered the trained days.
    var training: Bool

    init(_ query: CoverageQuery) {
        training = query.metric == .training
        region = CoverageCodes.regionRange(query.region)
        regionLength = query.region.value.utf8.count
        industry = query.population.industry.map(CoverageCodes.industryRange)
        industryFilterLength = query.population.industry?.value.utf8.count ?? 0
        grouping = query.groupBy
        let population = query.population
        if let size = population.sizeClass, let index = CoverageColumns.sizeClasses.firstIndex(of: size) {
            mask |= 3
            want |= UInt8(index)
        }
        if let above = population.aboveScale {
            mask |= 4
            want |= above ? 4 : 0
        }
        if let manufacturing = population.manufacturing {
            mask |= 8
            want |= manufacturing ? 8 : 0
        }
        if let sector = population.sector, let index = CoverageColumns.sectors.firstIndex(of: sector) {
            mask |= 0x30
            want |= UInt8(index << 4)
        }
    }
}

/// Per-group difference arrays over the dates of a count: +1 where a run of days in the population (or
/// covered) starts, −1 where it stops; their prefix sums are the figures at each date.
struct CoverageAccumulator {
    let points: Int
    /// Groups of small keys (size class, above-scale, sector, none) by index; others through `keys`.
    var direct = [Int](repeating: -1, count: 8)
    var keys: [UInt64: Int] = [:]
    var groupKeys: [UInt64] = []
    var total: [Int] = []
    var covered: [Int] = []

    init(points: Int) { self.points = points }

    @inline(__always) mutating func group(_ key: UInt64) -> Int {
        if key < 8 {
            let index = direct[Int(key)]
            if index >= 0 { return index }
        } else if let index = keys[key] {
            return index
        }
        let index = groupKeys.count
        if key < 8 { direct[Int(key)] = index } else { keys[key] = index }
        groupKeys.append(key)
        total += Array(repeating: 0, count: points + 1)
        covered += Array(repeating: 0, count: points + 1)
        return index
    }

    /// +1 to the population (or, with `covered`, to the covered) from the first date in `range` to the first after
    /// it, within date indexes `window`.
    @inline(__always) mutating func add(
        covered isCovered: Bool, base: Int, _ range: Range<Int32>, within window: Range<Int>, days: [Int32]
    ) {
        let start = max(window.lowerBound, CoverageColumns.lowerBound(days, range.lowerBound))
        let end = min(window.upperBound, CoverageColumns.lowerBound(days, range.upperBound))
        guard start < end else { return }
        if isCovered {
            covered[base + start] += 1
            covered[base + end] -= 1
        } else {
            total[base + start] += 1
            total[base + end] -= 1
        }
    }

    /// (key, total, covered) per group at date index `point`.
    func figures(at point: Int) -> [(key: UInt64, total: Int, covered: Int)] {
        groupKeys.indices.map { group in
            let base = group * (points + 1)
            var runningTotal = 0
            var runningCovered = 0
            for index in 0...point {
                runningTotal += total[base + index]
                runningCovered += covered[base + index]
            }
            return (groupKeys[group], runningTotal, runningCovered)
        }
    }
}

extension CoverageColumns {
    /// Counts `scan` at each of `days` (ascending): per group key, the population and the covered.
    func count(_ scan: CoverageScan, days: [Int32]) -> CoverageAccumulator {
        if let counted = countByCells(scan, days: days) { return counted }
        var accumulator = CoverageAccumulator(points: days.count)
        let stride = days.count + 1
        let single = days.count == 1 ? days[0] : nil
        for slot in 0..<count {
            let code = region[slot]
            guard scan.region.contains(code), attributes[slot] & scan.mask == scan.want else { continue }
            if let range = scan.industry, !range.contains(industry[slot]) { continue }
            if let day = single {
                guard from[slot] <= day, day < to[slot] else { continue }
                if scan.training && !isCovered(slot, on: day) { continue }
                let base = accumulator.group(groupKey(slot, scan)) * stride
                accumulator.total[base] += 1
                if scan.training ? isTrained(slot, on: day) : isCovered(slot, on: day) {
                    accumulator.covered[base] += 1
                }
                continue
            }
            let low = Self.lowerBound(days, from[slot])
            let high = Self.lowerBound(days, to[slot])
            guard low < high else { continue }
            let base = accumulator.group(groupKey(slot, scan)) * stride
            if scan.training {
                forEachCovered(slot) { accumulator.add(covered: false, base: base, $0, within: low..<high, days: days) }
                forEachTrained(slot) { accumulator.add(covered: true, base: base, $0, within: low..<high, days: days) }
            } else {
                accumulator.total[base + low] += 1
                accumulator.total[base + high] -= 1
                forEachCovered(slot) { accumulator.add(covered: true, base: base, $0, within: low..<high, days: days) }
            }
        }
        return accumulator
    }

    /// Calls `body` with each of the slot's covered ranges.
    @inline(__always) func forEachCovered(_ slot: Int, _ body: (Range<Int32>) -> Void) {
        if coveredFrom[slot] < coveredTo[slot] { body(coveredFrom[slot]..<coveredTo[slot]) }
        guard attributes[slot] & Self.moreCoveredBit != 0 else { return }
        for range in moreCovered[slot] ?? [] { body(range) }
    }

    /// Calls `body` with each of the slot's trained ranges.
    @inline(__always) func forEachTrained(_ slot: Int, _ body: (Range<Int32>) -> Void) {
        if trainedFrom[slot] < trainedTo[slot] { body(trainedFrom[slot]..<trainedTo[slot]) }
        guard attributes[slot] & Self.moreTrainedBit != 0 else { return }
        for range in moreTrained[slot] ?? [] { body(range) }
    }

    /// The first index whose day is ≥ `day` (`days.count` when none).
    @inline(__always) static func lowerBound(_ days: [Int32], _ day: Int32) -> Int {
        var low = 0
        var high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The slot's group as a number (0 without grouping); `CoverageColumns.keyText` turns it into the wire key.
    @inline(__always) func groupKey(_ slot: Int, _ scan: CoverageScan) -> UInt64 {
        guard let grouping = scan.grouping else { return 0 }
        switch grouping {
        case .sizeClass: return UInt64(attributes[slot] & 3)
        case .aboveScale: return UInt64((attributes[slot] >> 2) & 1)
        case .sector: return UInt64((attributes[slot] >> 4) & 3)
        case .region: return Self.regionGroup(region[slot], below: scan.regionLength)
        case .industry: return Self.industryGroup(industry[slot], below: scan.industryFilterLength)
        }
    }

    /// The region code cut as `CoverageGrouping.regionKey` cuts it, kept as (level << 56 | code cut to level).
    static func regionGroup(_ code: UInt64, below length: Int) -> UInt64 {
        let levels = CoverageGrouping.regionLevels
        func digit(_ position: Int) -> UInt64 { (code / CoverageCodes.power(11 - position)) % 11 }
        var digits = 0
        while digits < CoverageCodes.regionDigits, digit(digits) != 0 { digits += 1 }
        var level = levels.first { $0 > length } ?? digits
        var from = length
        while level < digits, (from..<level).allSatisfy({ digit($0) == 1 }),
            let deeper = levels.first(where: { $0 > level })
        {
            from = level
            level = deeper
        }
        let cut = min(level, digits)
        let scale = CoverageCodes.power(CoverageCodes.regionDigits - cut)
        return UInt64(cut) << 56 | (code / scale)
    }

    static func industryGroup(_ code: UInt64, below length: Int) -> UInt64 {
        let level = CoverageGrouping.industryLevels.first { $0 > length } ?? (CoverageCodes.industryDigits + 1)
        return code / CoverageCodes.power(CoverageCodes.industryDigits + 1 - level)
    }

    /// The wire key of a group number made by `groupKey`.
    static func keyText(_ key: UInt64, _ scan: CoverageScan) -> String? {
        guard let grouping = scan.grouping else { return nil }
        switch grouping {
        case .sizeClass: return sizeClasses[Int(key & 3)].rawValue
        case .aboveScale: return key == 1 ? "true" : "false"
        case .sector: return sectors[min(Int(key), sectors.count - 1)].rawValue
        case .region:
            let cut = Int(key >> 56)
            let code = (key & ((1 << 56) - 1)) * CoverageCodes.power(CoverageCodes.regionDigits - cut)
            return CoverageCodes.regionText(code, length: cut)
        case .industry:
            let level =
                CoverageGrouping.industryLevels.first { $0 > scan.industryFilterLength }
                ?? (CoverageCodes.industryDigits + 1)
            return CoverageCodes.industryText(key * CoverageCodes.power(CoverageCodes.industryDigits + 1 - level))
        }
    }
}
