/// Why a request could not be decoded. After any of these the decoder is spent: the connection must close,
/// because what follows on it can no longer be framed safely (RFC 9112 §11.2, request smuggling).
///
/// The cases say what happened; the server maps them to statuses (400, 413, 414, 431, 501, 505).
package enum HTTPParseError: Error, Sendable, Equatable {
    /// The request line is not `method SP target SP version` (RFC 9112 §3).
    case invalidRequestLine
    /// The method is not a token (RFC 9110 §9.1).
    case invalidMethod
    /// The target has bytes outside visible ASCII, or is not in a form a server accepts (RFC 9112 §3.2).
    case invalidTarget
    /// The request line is longer than the configured limit.
    case requestLineTooLong
    /// A well-formed version other than HTTP/1.0 or HTTP/1.1 (RFC 9110 §6.2).
    case unsupportedVersion
    /// A CR not followed by LF, or an LF without its CR (RFC 9112 §2.2).
    case invalidLineEnding
    /// A field name with non-token bytes or white space before the colon (RFC 9112 §5.1).
    case invalidHeaderName
    /// A field value with a control byte (RFC 9110 §5.5).
    case invalidHeaderValue
    /// A field line starting with white space: obsolete line folding (RFC 9112 §5.2).
    case obsoleteLineFolding
    /// The header (or trailer) section is larger than the configured limit.
    case headerSectionTooLarge
    /// More header (or trailer) fields than the configured limit.
    case tooManyHeaders
    /// An HTTP/1.1 request without `Host`, with several, or with one that is not `host[:port]` (RFC 9112 §3.2).
    case invalidHost
    /// Both `Transfer-Encoding` and `Content-Length` (RFC 9112 §6.1).
    case conflictingFraming
    /// A `Content-Length` that is not digits, or several that differ (RFC 9110 §8.6).
    case invalidContentLength
    /// `Transfer-Encoding` whose final coding is not `chunked`, or chunked twice, or on HTTP/1.0 (RFC 9112 §6.1).
    case invalidTransferEncoding
    /// A transfer coding before `chunked` that this server does not implement (RFC 9112 §6.1: 501).
    case unsupportedTransferEncoding
    /// A chunk size that is not hex, too long a chunk line, or a chunk without its CRLF (RFC 9112 §7.1).
    case invalidChunk
    /// The body is larger than the configured limit (known from `Content-Length`, or counted while chunked).
    case bodyTooLarge
}
