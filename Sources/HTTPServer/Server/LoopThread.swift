#if canImport(Glibc)
    import Glibc
#endif

/// Starts a detached OS thread (an event loop must not run on the cooperative pool: it blocks in epoll_wait).
enum LoopThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new thread. (`name` is for diagnostics; glibc's thread naming is not exposed to Swift.)
    /// - Throws: `ServerError.threadCreation` when `pthread_create` fails.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) throws(ServerError) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                box.body()
                return nil
            }, box)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            throw .threadCreation(errno: status)
        }
        pthread_detach(thread)
    }
}
