import HTTPServer

/// Runs CPU-heavy work (parsing a large roster or exam CSV) through the server's `BlockingWork` threads and
/// resumes the caller when it is done, so that a handler running on an event loop never holds that loop's other
/// connections for long. The application's name for `BlockingWork.run`.
enum OffLoop {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await BlockingWork.run(work)
    }
}
