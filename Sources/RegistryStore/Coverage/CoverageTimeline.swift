/// The population and covered counts of one cell over time: cumulative sums at each day something changed.
/// The count on day d is the entry of the last change day ≤ d (0 before the first).
struct CoverageTimeline: Sendable {
    var days: [Int32] = []
    var total: [Int32] = []
    var covered: [Int32] = []

    /// (population, covered) on `day`.
    @inline(__always) func counts(on day: Int32) -> (total: Int32, covered: Int32) {
        var low = 0
        var high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] <= day { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? (0, 0) : (total[low - 1], covered[low - 1])
    }

    /// Adds `total` and `covered` from `day` on (O(changes after it)).
    mutating func add(from day: Int32, total deltaTotal: Int32, covered deltaCovered: Int32) {
        var low = 0
        var high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        if low == days.count || days[low] != day {
            days.insert(day, at: low)
            total.insert(low == 0 ? 0 : total[low - 1], at: low)
            covered.insert(low == 0 ? 0 : covered[low - 1], at: low)
        }
        for index in low..<days.count {
            total[index] += deltaTotal
            covered[index] += deltaCovered
        }
    }

    /// A timeline from unordered (day, Δpopulation, Δcovered) changes.
    init(changes: [CoverageChange]) {
        for change in changes.sorted(by: { $0.day < $1.day }) {
            if days.last != change.day {
                days.append(change.day)
                total.append(total.last ?? 0)
                covered.append(covered.last ?? 0)
            }
            total[total.count - 1] += Int32(change.total)
            covered[covered.count - 1] += Int32(change.covered)
        }
    }

    init() {}
}

/// One change of a cell's counts on a day.
struct CoverageChange: Sendable {
    var day: Int32
    var total: Int8
    var covered: Int8
}

extension CoverageEntry {
    /// What this enterprise adds to its cell over time: +1 to the population from its registration to its
    /// deregistration, +1 covered on each covered range within that (the as-of rule of DOMAIN.md).
    func changes(sign: Int8 = 1) -> [CoverageChange] {
        guard from < to else { return [] }
        var changes = [CoverageChange(day: from, total: sign, covered: 0)]
        if to != .max { changes.append(CoverageChange(day: to, total: -sign, covered: 0)) }
        for range in covered {
            let start = max(range.lowerBound, from)
            let end = min(range.upperBound, to)
            guard start < end else { continue }
            changes.append(CoverageChange(day: start, total: 0, covered: sign))
            if end != .max { changes.append(CoverageChange(day: end, total: 0, covered: -sign)) }
        }
        return changes
    }
}
