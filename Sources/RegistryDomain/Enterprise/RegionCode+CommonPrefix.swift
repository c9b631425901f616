extension RegionCode {
    /// The longest region containing every one of `codes` (nil for none, or when they share not even a first
    /// digit): `[442000100001, 442000105001]` → `44200010`.
    public static func commonPrefix(of codes: [RegionCode]) -> RegionCode? {
        guard var prefix = codes.first.map({ Array($0.value.utf8) }) else { return nil }
        for code in codes.dropFirst() {
            let other = Array(code.value.utf8)
            var length = 0
            while length < min(prefix.count, other.count), prefix[length] == other[length] { length += 1 }
            prefix.removeSubrange(length...)
        }
        guard !prefix.isEmpty else { return nil }
        return try? RegionCode(String(decoding: prefix, as: UTF8.self))
    }
}
