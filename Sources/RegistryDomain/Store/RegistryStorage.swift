/// The seam between the API and whichever database stores the registry (SQLite in `RegistryStore`).
///
/// One use case is one `write` closure and one transaction: the domain decides, the storage persists, and
/// everything a use case writes (the change, its audit entry, its change-feed event, its idempotent response)
/// commits together or not at all. Readers see a consistent snapshot.
public protocol RegistryStorage: Sendable {
    /// Runs `work` in a read-only snapshot. Short: it runs on the caller's thread.
    func read<T>(_ work: (any RegistryReader) throws -> T) throws -> T

    /// Runs `work`, which must issue a single SQL statement, without opening a snapshot transaction: one
    /// statement is atomic on its own, and the hot lookups (an enterprise by USCC, a token by hash) skip the
    /// BEGIN/COMMIT pair. Anything that reads twice uses `read`.
    func readOneStatement<T>(_ work: (any RegistryReader) throws -> T) throws -> T

    /// A snapshot of the storage as it is now, for work that reads in several steps with pauses between them (a
    /// streamed export): every read on it sees that same state, whatever is committed meanwhile. It holds a
    /// connection of its own until released.
    func snapshot() throws -> any RegistrySnapshot

    /// Runs `work` in one write transaction on the storage's own writer, off the caller's thread; a throw
    /// rolls the whole transaction back.
    func write<T: Sendable>(_ work: @escaping @Sendable (any RegistryWriter) throws -> T) async throws -> T
}

/// One unchanging state of the storage (`RegistryStorage.snapshot()`).
public protocol RegistrySnapshot: Sendable {
    /// Runs `work` on the snapshot's state. Short: it runs on the caller's thread.
    func read<T>(_ work: (any RegistryReader) throws -> T) throws -> T
}

/// Every question the registry asks of its storage.
public protocol RegistryReader:
    EnterpriseReader, AccessTokenReader, AuditReader, IdempotencyReader, AppointmentReader, ChangeFeedReader,
    AppointmentDocumentReader, SupervisionActionReader, CoverageReader, CoverageTargetReader, TrainingReader,
    DirectReportReader, RecognitionReader, RegionReader
{}

/// Every change the registry makes to its storage; only valid inside `RegistryStorage.write`.
public protocol RegistryWriter:
    RegistryReader, EnterpriseWriter, AccessTokenWriter, AuditWriter, IdempotencyWriter, AppointmentWriter,
    ChangeFeedWriter, AppointmentDocumentWriter, SupervisionActionWriter, CoverageTargetWriter, TrainingWriter,
    DirectReportWriter, RecognitionWriter, RegionWriter
{}
