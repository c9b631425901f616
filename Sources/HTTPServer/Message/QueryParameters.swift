/// Decoded query parameters, in order; a name may repeat.
package struct QueryParameters: Sendable {
    package private(set) var items: [(name: String, value: String)] = []
    /// The names of parameters whose name or value is not valid percent-encoded UTF-8 (a bad escape, `%00`, invalid
    /// UTF-8), in order; a name that does not decode itself is given as sent. They are not in `items`: an
    /// application should refuse the request rather than answer as if the parameter were absent.
    package private(set) var malformed: [String] = []

    package init(_ query: String) {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decodeForm(parts[0]) else {
                malformed.append(String(parts[0]))
                continue
            }
            guard let value = parts.count > 1 ? PercentDecoding.decodeForm(parts[1]) : "" else {
                malformed.append(name)
                continue
            }
            items.append((name: name, value: value))
        }
    }

    /// The first value of `name`, or nil.
    package subscript(name: String) -> String? { items.first { $0.name == name }?.value }

    package func values(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    package var names: [String] { items.map(\.name) }
}

/// Percent-decoding (RFC 3986 §2.1), done once, refusing NUL and malformed escapes.
package enum PercentDecoding {
    /// The path's segments after the leading `/`, each decoded once; nil if any is malformed or decodes to NUL
    /// or to invalid UTF-8.
    package static func segments(ofPath path: String) -> [String]? {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let decoded = decode(raw, plusIsSpace: false) else { return nil }
            segments.append(decoded)
        }
        if segments.last == "" && segments.count > 1 { segments.removeLast() }  // tolerate one trailing slash
        return segments
    }

    package static func decodeForm(_ text: Substring) -> String? { decode(text, plusIsSpace: true) }

    package static func decode(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                let decoded = high << 4 | low
                guard decoded != 0 else { return nil }
                bytes.append(decoded)
            case UInt8(ascii: "+") where plusIsSpace: bytes.append(UInt8(ascii: " "))
            case 0: return nil
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
