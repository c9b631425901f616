import ArgumentParser
import Foundation
import HTTPServer
import Logging

/// A swift-log handler that writes each entry as one line of JSON to standard error. Entries never carry personal
/// data (the access log names method, path without query, status, bytes, duration and request id).
struct JSONLinesLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var json = JSONWriter()
        json.beginObject()
        json.member("at", Self.timestamp())
        json.member("level", event.level.rawValue)
        json.member("label", label)
        json.member("message", event.message.description)
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in all.sorted(by: { $0.key < $1.key })
        where !["at", "level", "label", "message"].contains(key) {
            json.member(key, value.description)
        }
        json.endObject()
        FileHandle.standardError.write(Data(json.bytes + [UInt8(ascii: "\n")]))
    }

    /// Now, RFC 3339 UTC with milliseconds.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = time_t(now.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let milliseconds = Int(now.tv_nsec) / 1_000_000
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = String(1_000 + milliseconds).dropFirst()
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
