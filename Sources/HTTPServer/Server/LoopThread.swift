import CLinux

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a detached OS thread (an event loop must not run on the cooperative pool: it blocks in epoll_wait).
enum LoopThread {
    private final class Box {
        let name: String
        let body: () -> Void
        init(_ name: String, _ body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Runs `body` on a new thread named `name` (cut to Linux's 15 bytes), as `ps -L`, `top -H` and perf show it.
    /// - Throws: `ServerError.threadCreation` when `pthread_create` fails.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) throws(ServerError) {
        let box = Unmanaged.passRetained(Box(name, body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                _ = clinux_name_this_thread(String(decoding: box.name.utf8.prefix(15), as: UTF8.self))
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
