import Logging
import Synchronization

/// A log handler that hands every record to an `AsyncStream`, so a test can wait for a server event.
struct StreamLogHandler: LogHandler {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    let continuation: AsyncStream<Record>.Continuation
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var flat: [String: String] = [:]
        for (key, value) in event.metadata ?? [:] { flat[key] = "\(value)" }
        continuation.yield(Record(level: event.level, message: "\(event.message)", metadata: flat))
    }

    /// A logger whose records arrive on the returned stream.
    static func make() -> (Logger, AsyncStream<Record>) {
        let (stream, continuation) = AsyncStream<Record>.makeStream()
        let logger = Logger(label: "test") { _ in StreamLogHandler(continuation: continuation) }
        return (logger, stream)
    }
}

extension AsyncStream where Element == StreamLogHandler.Record {
    /// Waits for the first record that matches.
    func first(matching predicate: @Sendable (Element) -> Bool) async -> Element? {
        for await record in self where predicate(record) { return record }
        return nil
    }
}
