/// A recognition as stored, with its enterprise's current region (for scope checks and the change feed).
public struct RecognitionRecord: Sendable, Hashable {
    public var recognition: Recognition
    public var regionCode: RegionCode
    /// Raised by every change; the recognition's ETag derives from it.
    public var revision: Int

    public init(recognition: Recognition, regionCode: RegionCode, revision: Int) {
        self.recognition = recognition
        self.regionCode = regionCode
        self.revision = revision
    }
}

/// Which recognitions a list asks for. Every region prefix must match (the caller's scope and its filter).
public struct RecognitionQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var uscc: USCC?
    public var kind: RecognitionKind?
    public var level: RecognitionLevel?
    public var year: Int?
    public var afterID: Int64?
    public var limit = 50

    public init() {}
}

public protocol RecognitionReader {
    /// The recognition with `id`, or nil.
    func recognition(id: Int64) throws -> RecognitionRecord?
    /// Recognitions matching `query`, in id order, at most `query.limit`.
    func recognitions(_ query: RecognitionQuery) throws -> [RecognitionRecord]
}

public protocol RecognitionWriter {
    /// Stores a new recognition (its id is ignored), added by `actor` at `at`; returns it with its id.
    func insert(_ recognition: Recognition, actor: String, at: String) throws -> Recognition
    /// Replaces the stored fields of the recognition with the same id and raises its revision.
    /// - Throws: `StoreError.notFound`.
    func update(_ recognition: Recognition) throws
    /// Removes the recognition. - Throws: `StoreError.notFound`.
    func deleteRecognition(id: Int64) throws
}
