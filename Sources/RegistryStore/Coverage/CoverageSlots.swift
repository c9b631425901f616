/// Which slot of the coverage columns holds which enterprise, keyed by USCC.
///
/// A USCC is 18 ASCII characters; packed 7 bits a character into two 64-bit words it needs no string storage of
/// its own, which at a million enterprises is the difference between ~50 MB and ~115 MB for this map. Anything
/// that does not pack (never a valid USCC, but the map does not rely on validation) is kept by its text.
struct CoverageSlots: Sendable {
    private var packed: [PackedKey: Int] = [:]
    private var other: [String: Int] = [:]

    struct PackedKey: Hashable, Sendable {
        var high: UInt64
        var low: UInt64

        /// Nil unless 1–18 ASCII characters other than NUL (so zero padding cannot be mistaken for a character).
        init?(_ text: String) {
            var high: UInt64 = 0
            var low: UInt64 = 0
            var count = 0
            for byte in text.utf8 {
                guard byte != 0, byte < 0x80, count < 18 else { return nil }
                if count < 9 {
                    high = high << 7 | UInt64(byte)
                } else {
                    low = low << 7 | UInt64(byte)
                }
                count += 1
            }
            guard count > 0 else { return nil }
            // Left-align each half, so "AB" and "A" followed by a shorter tail cannot meet.
            if count < 9 { high <<= UInt64(7 * (9 - count)) }
            if count < 18 { low <<= UInt64(7 * (18 - max(count, 9))) }
            self.high = high
            self.low = low
        }
    }

    init(capacity: Int = 0) { packed.reserveCapacity(capacity) }

    subscript(uscc: String) -> Int? {
        get {
            if let key = PackedKey(uscc) { return packed[key] }
            return other[uscc]
        }
        set {
            if let key = PackedKey(uscc) { packed[key] = newValue } else { other[uscc] = newValue }
        }
    }

    var count: Int { packed.count + other.count }
}
