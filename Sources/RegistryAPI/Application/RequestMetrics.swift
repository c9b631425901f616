import Foundation
import HTTPServer
import Synchronization

/// Counts answered requests by method, route template and status class, and their durations in a histogram, for
/// `/metrics` (Prometheus text exposition 0.0.4). Labels are bounded: unknown methods count as `OTHER`, and a
/// request no route served (404, 405, a refused head) as route `unmatched`.
final class RequestMetrics: Sendable {
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    private struct State {
        var requests: [String: Int] = [:]
        var buckets = [Int](repeating: 0, count: RequestMetrics.bucketBounds.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex(State())
    private let started = Date()

    func record(method: HTTPMethod, route: String?, status: Int, seconds: Double) {
        let name = Self.methods.contains(method.rawValue) ? method.rawValue : "OTHER"
        let key = "method=\"\(name)\",route=\"\(route ?? "unmatched")\",status=\"\(status / 100)xx\""
        state.withLock { state in
            state.requests[key, default: 0] += 1
            state.count += 1
            state.sum += seconds
            if let index = Self.bucketBounds.firstIndex(where: { seconds <= $0 }) { state.buckets[index] += 1 }
        }
    }

    /// The exposition text.
    func exposition(extra: [(name: String, help: String, value: Int)]) -> String {
        let snapshot = state.withLock { $0 }
        var text = "# HELP cqo_http_requests_total Requests answered, by method, route template and status class.\n"
        text += "# TYPE cqo_http_requests_total counter\n"
        for (labels, value) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            text += "cqo_http_requests_total{\(labels)} \(value)\n"
        }
        text += "# HELP cqo_http_request_duration_seconds Time from a complete request to its response.\n"
        text += "# TYPE cqo_http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (bound, count) in zip(Self.bucketBounds, snapshot.buckets) {
            cumulative += count
            text += "cqo_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        text += "cqo_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.count)\n"
        text += "cqo_http_request_duration_seconds_sum \(snapshot.sum)\n"
        text += "cqo_http_request_duration_seconds_count \(snapshot.count)\n"
        text += "# HELP cqo_uptime_seconds Seconds since the server started.\n# TYPE cqo_uptime_seconds gauge\n"
        text += "cqo_uptime_seconds \(Int(Date().timeIntervalSince(started)))\n"
        for metric in extra {
            text +=
                "# HELP \(metric.name) \(metric.help)\n# TYPE \(metric.name) counter\n\(metric.name) \(metric.value)\n"
        }
        return text
    }
}
