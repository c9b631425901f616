import Dispatch

/// Runs CPU-heavy work (parsing a large roster CSV) on a Dispatch thread and resumes the caller when it is done,
/// so that a handler running on an event loop never holds that loop's other connections for long.
enum OffLoop {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
