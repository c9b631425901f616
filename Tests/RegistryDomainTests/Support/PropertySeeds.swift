/// Seeds for property tests: each runs as its own case, so a failure names its seed.
let propertySeeds: [UInt64] = Array(1...20)

/// Fewer seeds for the whole-registry simulations, which are slower.
let simulationSeeds: [UInt64] = Array(1...6)
