/// `method SP request-target SP HTTP-version` (RFC 9112 §3).
struct RequestLine {
    var method: String
    var target: String
    var minorVersion: Int

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> RequestLine {
        var position = 0
        while position < line.count, ByteClass.isToken(line[position]) { position += 1 }
        guard position > 0, position < line.count else { throw .invalidMethod }
        guard line[position] == ByteClass.space else {
            throw ByteClass.isFieldValue(line[position]) ? .invalidMethod : .invalidRequestLine
        }
        let method = String(decoding: UnsafeBufferPointer(rebasing: line[0..<position]), as: UTF8.self)
        position += 1
        let targetStart = position
        while position < line.count, ByteClass.isTargetByte(line[position]) { position += 1 }
        guard position > targetStart, position < line.count, line[position] == ByteClass.space else {
            throw position < line.count && line[position] < 0x20 ? .invalidRequestLine : .invalidTarget
        }
        let target = try reduceTarget(UnsafeBufferPointer(rebasing: line[targetStart..<position]), method: method)
        position += 1
        let minor = try version(UnsafeBufferPointer(rebasing: line[position...]))
        return RequestLine(method: method, target: target, minorVersion: minor)
    }

    /// `HTTP/1.0` → 0, `HTTP/1.1` → 1; another well-formed version is unsupported (505), anything else malformed.
    private static func version(_ text: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        let prefix: StaticString = "HTTP/"
        guard text.count == 8 else { throw .invalidRequestLine }
        for offset in 0..<5 where text[offset] != prefix.utf8Start[offset] { throw .invalidRequestLine }
        let major = text[5], dot = text[6], minor = text[7]
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard digits.contains(major), dot == UInt8(ascii: "."), digits.contains(minor) else {
            throw .invalidRequestLine
        }
        guard major == UInt8(ascii: "1"), minor <= UInt8(ascii: "1") else { throw .unsupportedVersion }
        return Int(minor - UInt8(ascii: "0"))
    }

    /// Origin-form as is; absolute-form reduced to path and query (RFC 9112 §3.2.2); `*` for OPTIONS only
    /// (§3.2.4). Authority-form (CONNECT) is not served.
    private static func reduceTarget(
        _ target: UnsafeBufferPointer<UInt8>, method: String
    ) throws(HTTPParseError) -> String {
        if target[0] == UInt8(ascii: "/") { return String(decoding: target, as: UTF8.self) }
        if target.count == 1, target[0] == UInt8(ascii: "*"), method == "OPTIONS" { return "*" }
        let schemes: [StaticString] = ["http://", "https://"]
        for scheme in schemes where target.count > scheme.utf8CodeUnitCount {
            let count = scheme.utf8CodeUnitCount
            guard ByteClass.equalsLowercased(UnsafeBufferPointer(rebasing: target[0..<count]), scheme) else {
                continue
            }
            var position = count
            while position < target.count, target[position] != UInt8(ascii: "/"), target[position] != UInt8(ascii: "?")
            {
                position += 1
            }
            guard position > count else { throw .invalidTarget }  // no authority
            if position == target.count { return "/" }
            let rest = String(decoding: UnsafeBufferPointer(rebasing: target[position...]), as: UTF8.self)
            return target[position] == UInt8(ascii: "?") ? "/" + rest : rest
        }
        throw .invalidTarget
    }
}
