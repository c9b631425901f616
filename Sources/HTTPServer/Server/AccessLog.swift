import Logging
import Sockets

/// One structured info line per request: method, path without its query (which may hold personal data),
/// status, bytes sent, duration and request id.
enum AccessLog {
    static func record(request: HTTPRequest, status: Int, bytes: Int, started: UInt64, logger: Logger) {
        guard logger.logLevel <= .info else { return }
        let micros = (ResourceLimits.monotonicNanoseconds() &- started) / 1000
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "path": "\(request.path)",
                "status": "\(status)",
                "bytes": "\(bytes)",
                "duration_us": "\(micros)",
                "request_id": "\(request.requestID)",
            ])
    }

    /// A request the server refused before any handler saw it.
    static func recordRefusal(status: Int, bytes: Int, requestID: String, logger: Logger) {
        logger.info(
            "request refused",
            metadata: ["status": "\(status)", "bytes": "\(bytes)", "request_id": "\(requestID)"])
    }
}
