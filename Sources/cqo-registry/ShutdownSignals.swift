import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The write end of the pipe the signal handler writes to: set before the handler is installed, never after.
nonisolated(unsafe) private var shutdownPipeWriteEnd: Int32 = -1

/// SIGINT and SIGTERM start a graceful shutdown instead of killing the process.
///
/// The handler is installed with `sigaction` before `init` returns, so a signal that arrives at any moment after
/// that is seen (a Dispatch signal source registers asynchronously, and a SIGTERM sent in that window was lost:
/// the server then ran on). The handler only writes a byte to a pipe (async-signal-safe); a thread of its own
/// reads the pipe and calls `handler`.
final class ShutdownSignals: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init(_ handler: @escaping @Sendable () -> Void) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw ShutdownSignalsError(errno: errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
        shutdownPipeWriteEnd = ends[1]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(shutdownPipeWriteEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        let readEnd = self.readEnd
        Thread {
            var byte: UInt8 = 0
            // 1: a signal; 0 (from `cancel`) or end of file: stop.
            while read(readEnd, &byte, 1) == 1, byte == 1 { handler() }
            close(readEnd)
        }.start()
    }

    /// Stops listening; later signals have their default effect again.
    func cancel() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var stop: UInt8 = 0
        _ = write(writeEnd, &stop, 1)
    }
}

struct ShutdownSignalsError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { "cannot install the shutdown signal handler (errno \(errno))" }
}
