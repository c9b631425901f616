import HTTP1

extension HTTPParseError {
    /// The status for a request the decoder refused (RFC 9110 §15.5, §15.6; RFC 6585 §5).
    var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedTransferEncoding: .notImplemented
        default: .badRequest
        }
    }

    /// A short, fixed explanation for the problem's `detail` (never echoes request bytes).
    var detail: String {
        switch self {
        case .invalidRequestLine: "malformed request line"
        case .invalidMethod: "invalid method"
        case .invalidTarget: "invalid request target"
        case .requestLineTooLong: "request line too long"
        case .unsupportedVersion: "only HTTP/1.0 and HTTP/1.1 are supported"
        case .invalidLineEnding: "lines must end with CRLF"
        case .invalidHeaderName: "invalid header field name"
        case .invalidHeaderValue: "invalid header field value"
        case .obsoleteLineFolding: "obsolete line folding is not accepted"
        case .headerSectionTooLarge: "header section too large"
        case .tooManyHeaders: "too many header fields"
        case .invalidHost: "exactly one Host header with a valid host[:port] is required"
        case .conflictingFraming: "Transfer-Encoding and Content-Length together"
        case .invalidContentLength: "invalid Content-Length"
        case .invalidTransferEncoding: "Transfer-Encoding must end with chunked"
        case .unsupportedTransferEncoding: "unsupported transfer coding"
        case .invalidChunk: "malformed chunked body"
        case .bodyTooLarge: "request body too large"
        }
    }
}
