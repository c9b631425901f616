// Codes read back from storage. Storage holds only codes that were validated on their way in (and that the
// database's CHECK constraints guard), so re-computing check characters on every row read is wasted work on the
// hottest path of the registry. Nothing but a store should use these.

extension USCC {
    /// A code as storage returns it, trusted without re-validation.
    public init(stored value: String) { self.value = value }
}

extension RegionCode {
    /// A division code as storage returns it, trusted without re-validation.
    public init(stored value: String) { self.value = value }
}

extension IndustryCode {
    /// An industry code as storage returns it, trusted without re-validation.
    public init(stored value: String) { self.value = value }
}
