import RegistryDomain

extension CoverageColumns {
    /// Counts `scan` at each of `days` from cell timelines: a few binary searches per cell instead of a scan of
    /// every enterprise. Nil when the cells cannot answer exactly (no cells yet, a region longer than 9 digits, or
    /// a region grouping that needs digits the cells do not keep); the caller then scans.
    func countByCells(_ scan: CoverageScan, days: [Int32]) -> CoverageAccumulator? {
        guard !cells.isEmpty, scan.regionLength <= 9 else { return nil }
        var needed = scan.regionLength
        if scan.grouping == .region {
            needed = CoverageGrouping.regionLevels.first { $0 > scan.regionLength } ?? 12
        }
        // A coarser level may not know the digits a region grouping needs; a finer one then answers. The
        // industry-blind levels answer a question that does not ask about industries (both families have the same
        // region levels, so where a blind level cannot key a region the industry one cannot either).
        let keepsIndustry = scan.industry != nil || scan.grouping == .industry
        for level in cells where level.keepsIndustry == keepsIndustry && level.digits >= needed {
            if let counted = count(scan, days: days, level: level) { return counted }
        }
        return nil
    }

    func count(_ scan: CoverageScan, days: [Int32], level: CoverageCells) -> CoverageAccumulator? {
        // Timelines are read in place (borrowed, not copied out of the array: no reference counting per cell).
        level.timelines.withUnsafeBufferPointer { timelines in count(scan, days: days, level: level, timelines) }
    }

    private func count(
        _ scan: CoverageScan, days: [Int32], level: CoverageCells, _ timelines: UnsafeBufferPointer<CoverageTimeline>
    ) -> CoverageAccumulator? {
        var accumulator = CoverageAccumulator(points: days.count)
        let stride = days.count + 1
        // Cells come in region order: a region grouping's key is worked out once per region, not once per cell.
        var lastRegion: UInt64?
        var lastGroup: UInt64 = 0
        var lastBaseGroup: UInt64?
        var lastBase = 0
        for cell in level.cells(in: scan.region) {
            let key = level.keys[cell]
            guard key.attributes & scan.mask == scan.want else { continue }
            if let range = scan.industry, !range.contains(key.industry) { continue }
            let group: UInt64
            switch scan.grouping {
            case nil: group = 0
            case .sizeClass: group = UInt64(key.attributes & 3)
            case .aboveScale: group = UInt64((key.attributes >> 2) & 1)
            case .sector: group = UInt64((key.attributes >> 4) & 3)
            case .industry: group = Self.industryGroup(key.industry, below: scan.industryFilterLength)
            case .region:
                if key.region != lastRegion {
                    guard let exact = Self.regionGroup(key.region, below: scan.regionLength, resolution: level.digits)
                    else { return nil }
                    lastRegion = key.region
                    lastGroup = exact
                }
                group = lastGroup
            }
            guard !timelines[cell].isEmpty else { continue }
            if group != lastBaseGroup {
                lastBaseGroup = group
                lastBase = accumulator.group(group) * stride
            }
            let base = lastBase
            for (point, day) in days.enumerated() {
                let counts = timelines[cell].counts(on: day)
                let (total, covered) = scan.training ? (counts.covered, counts.trained) : (counts.total, counts.covered)
                guard total != 0 || covered != 0 else { continue }
                accumulator.total[base + point] += Int(total)
                accumulator.total[base + point + 1] -= Int(total)
                accumulator.covered[base + point] += Int(covered)
                accumulator.covered[base + point + 1] -= Int(covered)
            }
        }
        return accumulator
    }

    /// `regionGroup` for a code cut to `resolution` digits; nil when the full code might group deeper (the digits
    /// the grouping would skip as zeros run up to the cut).
    static func regionGroup(_ code: UInt64, below length: Int, resolution: Int) -> UInt64? {
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
        // A code cut at `resolution` may be longer: its key is unknown when the key's level lies beyond the cut, or
        // at it with only zeros since the last level (the full code would skip on).
        if digits == resolution, resolution < CoverageCodes.regionDigits,
            level > resolution || (level == resolution && (from..<level).allSatisfy({ digit($0) == 1 }))
        {
            return nil
        }
        let cut = min(level, digits)
        return UInt64(cut) << 56 | (code / CoverageCodes.power(CoverageCodes.regionDigits - cut))
    }
}
