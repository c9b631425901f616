#if canImport(Glibc)
    import Glibc
#endif

private final class OffloadJob {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs blocking test I/O on its own OS thread, so that a test waiting on a socket never holds one of the
/// few cooperative-pool threads the server's handlers need.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let job = Unmanaged.passRetained(OffloadJob { continuation.resume(with: Result { try work() }) }).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<OffloadJob>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            }, job)
        if status == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<OffloadJob>.fromOpaque(job).takeRetainedValue().run()
        }
    }
}
