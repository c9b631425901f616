import ArgumentParser
import Foundation
import HTTPServer
import Logging

/// `--log-format text|json`: how `serve` writes its log to standard error. `json` is one JSON object a line
/// (`at`, `level`, `label`, `message`, then the entry's metadata as strings), for log shippers; `text` is
/// swift-log's standard stream format, for people.
enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json

    /// A logger writing in this format at `level`.
    func logger(label: String, level: Logger.Level) -> Logger {
        var logger =
            switch self {
            case .text: Logger(label: label) { StreamLogHandler.standardError(label: $0) }
            case .json: Logger(label: label) { JSONLinesLogHandler(label: $0) }
            }
        logger.logLevel = level
        return logger
    }
}
