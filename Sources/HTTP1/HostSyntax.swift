/// The grammar of a `Host` value: `uri-host [ ":" port ]` (RFC 9112 §3.2, RFC 3986 §3.2.2 and §3.2.3).
///
/// `uri-host` is an IP literal in brackets (IPv6 or IPvFuture), or a reg-name (which covers IPv4 dotted
/// decimal): unreserved characters, sub-delims and `%HH` escapes. `port` is digits. An empty value is allowed:
/// a client sends one when the target has no authority.
enum HostSyntax {
    static func isValid(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if value.first == UInt8(ascii: "[") {
            guard let close = value.firstIndex(of: UInt8(ascii: "]")),
                isIPLiteral(UnsafeBufferPointer(rebasing: value[1..<close]))
            else { return false }
            index = close + 1
        } else {
            while index < value.count, value[index] != UInt8(ascii: ":") {
                let byte = value[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < value.count, isHexDigit(value[index + 1]), isHexDigit(value[index + 2]) else {
                        return false
                    }
                    index += 3
                    continue
                }
                guard isUnreserved(byte) || isSubDelimiter(byte) else { return false }
                index += 1
            }
        }
        guard index < value.count else { return true }
        guard value[index] == UInt8(ascii: ":") else { return false }
        return value[(index + 1)...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `IPv6address / IPvFuture`, without the brackets. IPv6 is checked for its characters and shape (hex groups,
    /// colons, an optional dotted IPv4 tail), not for every rule of RFC 4291's text form.
    private static func isIPLiteral(_ inner: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = inner.first else { return false }
        if first == UInt8(ascii: "v") || first == UInt8(ascii: "V") {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            guard let dot = inner.firstIndex(of: UInt8(ascii: ".")), dot > 1, dot + 1 < inner.count else {
                return false
            }
            return inner[1..<dot].allSatisfy(isHexDigit)
                && inner[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
        }
        guard inner.contains(UInt8(ascii: ":")) else { return false }
        var groupLength = 0
        for byte in inner {
            switch byte {
            case UInt8(ascii: ":"): groupLength = 0
            case UInt8(ascii: "."): groupLength = 0
            default:
                guard isHexDigit(byte) else { return false }
                groupLength += 1
                if groupLength > 4 { return false }
            }
        }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }

    /// ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 3986 §2.3).
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=" (RFC 3986 §2.2).
    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="):
            true
        default: false
        }
    }
}
