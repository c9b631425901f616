/// What can go wrong in storage, in terms the API can answer with (it maps each case to a problem).
public enum StoreError: Error, Sendable, Equatable {
    /// The thing asked for does not exist.
    case notFound
    /// A thing with the same natural key exists already (e.g. an enterprise's USCC).
    case duplicate(String)
    /// A database rule refused the change (a CHECK or FOREIGN KEY constraint): a bug above the store, or a race.
    case constraint(String)
    /// The database stayed locked past the busy timeout.
    case busy
    /// A stored row holds a value the registry never writes (altered outside it), naming the table, the row's key
    /// and the column, never the value. Fail closed: the answer that needs the row is an error, never a shorter
    /// list or a wider scope.
    case unreadable(String)
    /// Applied migrations differ from the ones this binary carries; start-up must stop.
    case migrationMismatch(String)
}
