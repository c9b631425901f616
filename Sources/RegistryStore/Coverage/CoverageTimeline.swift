/// The population, covered and trained counts of one cell over time: cumulative sums at each day something
/// changed. The count on day d is the point of the last change day ≤ d (0 before the first). One array of points,
/// so a lookup touches one allocation.
///
/// Metric `appointment` reads (total, covered); metric `training` reads (covered, trained): its population is
/// exactly the enterprises covered by an appointment, so one extra count per point serves both.
struct CoverageTimeline: Sendable {
    struct Point: Sendable {
        var day: Int32
        var total: Int32
        var covered: Int32
        var trained: Int32
    }

    var points: [Point] = []

    var isEmpty: Bool { points.isEmpty }

    /// (population, covered, trained) on `day`.
    @inline(__always) func counts(on day: Int32) -> Point {
        points.withUnsafeBufferPointer { points in
            var low = 0
            var high = points.count
            while low < high {
                let middle = (low + high) / 2
                if points[middle].day <= day { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return Point(day: day, total: 0, covered: 0, trained: 0) }
            return points[low - 1]
        }
    }

    /// Adds a change's counts from its day on (O(changes after it)).
    mutating func add(_ change: CoverageChange) {
        let day = change.day
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].day < day { low = middle + 1 } else { high = middle }
        }
        if low == points.count || points[low].day != day {
            var before = low == 0 ? Point(day: day, total: 0, covered: 0, trained: 0) : points[low - 1]
            before.day = day
            points.insert(before, at: low)
        }
        for index in low..<points.count {
            points[index].total += Int32(change.total)
            points[index].covered += Int32(change.covered)
            points[index].trained += Int32(change.trained)
        }
    }

    /// A timeline from unordered (day, Δpopulation, Δcovered, Δtrained) changes.
    init(changes: [CoverageChange]) {
        accumulate(
            changes.sorted { $0.day < $1.day }.lazy.map {
                Point(day: $0.day, total: Int32($0.total), covered: Int32($0.covered), trained: Int32($0.trained))
            })
    }

    /// The sum of several timelines: at each day, the sums of their counts.
    init(summing timelines: some Sequence<CoverageTimeline>) {
        var steps: [Point] = []
        for timeline in timelines {
            var previous = Point(day: 0, total: 0, covered: 0, trained: 0)
            for point in timeline.points {
                steps.append(
                    Point(
                        day: point.day, total: point.total - previous.total, covered: point.covered - previous.covered,
                        trained: point.trained - previous.trained))
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
                var last = points.last ?? Point(day: step.day, total: 0, covered: 0, trained: 0)
                last.day = step.day
                points.append(last)
            }
            points[points.count - 1].total += step.total
            points[points.count - 1].covered += step.covered
            points[points.count - 1].trained += step.trained
        }
    }

    init() {}
}

/// One change of a cell's counts on a day.
struct CoverageChange: Sendable {
    var day: Int32
    var total: Int8
    var covered: Int8
    var trained: Int8 = 0
}

extension CoverageEntry {
    /// What this enterprise adds to its cell over time: +1 to the population from its registration to its
    /// deregistration, +1 covered on each covered range within that (the as-of rule of DOMAIN.md), +1 trained on
    /// each trained range within that.
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
        for range in trained {
            let start = max(range.lowerBound, from)
            let end = min(range.upperBound, to)
            guard start < end else { continue }
            changes.append(CoverageChange(day: start, total: 0, covered: 0, trained: sign))
            if end != .max { changes.append(CoverageChange(day: end, total: 0, covered: 0, trained: -sign)) }
        }
        return changes
    }
}
