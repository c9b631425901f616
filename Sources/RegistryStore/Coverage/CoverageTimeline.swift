/// The population and covered counts of one cell over time: cumulative sums at each day something changed.
/// The count on day d is the point of the last change day ≤ d (0 before the first). One array of points, so a
/// lookup touches one allocation.
struct CoverageTimeline: Sendable {
    struct Point: Sendable {
        var day: Int32
        var total: Int32
        var covered: Int32
    }

    var points: [Point] = []

    var isEmpty: Bool { points.isEmpty }

    /// (population, covered) on `day`.
    @inline(__always) func counts(on day: Int32) -> (total: Int32, covered: Int32) {
        points.withUnsafeBufferPointer { points in
            var low = 0
            var high = points.count
            while low < high {
                let middle = (low + high) / 2
                if points[middle].day <= day { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return (0, 0) }
            let point = points[low - 1]
            return (point.total, point.covered)
        }
    }

    /// Adds `total` and `covered` from `day` on (O(changes after it)).
    mutating func add(from day: Int32, total deltaTotal: Int32, covered deltaCovered: Int32) {
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].day < day { low = middle + 1 } else { high = middle }
        }
        if low == points.count || points[low].day != day {
            let before = low == 0 ? Point(day: day, total: 0, covered: 0) : points[low - 1]
            points.insert(Point(day: day, total: before.total, covered: before.covered), at: low)
        }
        for index in low..<points.count {
            points[index].total += deltaTotal
            points[index].covered += deltaCovered
        }
    }

    /// A timeline from unordered (day, Δpopulation, Δcovered) changes.
    init(changes: [CoverageChange]) {
        accumulate(
            changes.sorted { $0.day < $1.day }.lazy.map {
                Point(day: $0.day, total: Int32($0.total), covered: Int32($0.covered))
            })
    }

    /// The sum of several timelines: at each day, the sums of their counts.
    init(summing timelines: some Sequence<CoverageTimeline>) {
        var steps: [Point] = []
        for timeline in timelines {
            var previous = Point(day: 0, total: 0, covered: 0)
            for point in timeline.points {
                steps.append(
                    Point(
                        day: point.day, total: point.total - previous.total, covered: point.covered - previous.covered))
                previous = point
            }
        }
        accumulate(steps.sorted { $0.day < $1.day })
    }

    /// Sums `steps` (changes in day order) into one point per day, the array sized exactly up front: a million
    /// enterprises' cells would otherwise carry a quarter of their memory as spare capacity.
    private mutating func accumulate(_ steps: some Collection<Point>) {
        var days = 0
        var lastDay: Int32?
        for step in steps where step.day != lastDay {
            days += 1
            lastDay = step.day
        }
        points.reserveCapacity(days)
        for step in steps {
            if points.last?.day != step.day {
                let last = points.last
                points.append(Point(day: step.day, total: last?.total ?? 0, covered: last?.covered ?? 0))
            }
            points[points.count - 1].total += step.total
            points[points.count - 1].covered += step.covered
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
