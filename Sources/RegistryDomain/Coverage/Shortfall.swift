extension CoverageRatio {
    /// ⌈ratio × total⌉ in exact integer arithmetic: how many of `total` units the ratio requires
    /// (0.56 × 25 = 14; 0.6 × 7 = 4.2 → 5). `total` is not negative.
    public func required(of total: Int) -> Int {
        let product = Int64(total) * millionths
        return Int((product + CoverageRatio.scale - 1) / CoverageRatio.scale)
    }
}

/// How far a group falls short of its target (DOMAIN.md "Coverage targets"): ⌈target ratio × total⌉ − covered,
/// never negative; the target is met when the shortfall is 0.
public enum Shortfall {
    public static func of(total: Int, covered: Int, ratio: CoverageRatio) -> Int {
        max(0, ratio.required(of: total) - covered)
    }
}
