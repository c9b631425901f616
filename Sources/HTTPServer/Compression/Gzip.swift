import CZlib

/// gzip (RFC 1952) through zlib, and the content negotiation that decides when to use it (RFC 9110 §12.5.3).
enum Gzip {
    /// The whole of `input` as one gzip member, or nil if zlib fails.
    static func compress(_ input: [UInt8], level: Int32 = 4) -> [UInt8]? {
        guard !input.isEmpty else { return nil }
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        let initStatus = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(bound - Int(stream.total_out))
        return output
    }

    /// True when `Accept-Encoding` gives gzip (or `*`) a non-zero weight (RFC 9110 §12.5.3).
    static func isAccepted(by acceptEncoding: [String]) -> Bool {
        var gzipWeight: Double?
        var anyWeight: Double?
        for element in acceptEncoding.flatMap({ $0.split(separator: ",") }) {
            let parts = element.split(separator: ";")
            guard let coding = parts.first?.trimmingSpaces().lowercased() else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingSpaces().lowercased()
                if pair.hasPrefix("q=") { weight = Double(pair.dropFirst(2)) ?? 0 }
            }
            if coding == "gzip" || coding == "x-gzip" { gzipWeight = weight }
            if coding == "*" { anyWeight = weight }
        }
        return (gzipWeight ?? anyWeight ?? 0) > 0
    }

    /// Text-like media types gain from compression; images, archives and PDFs do not.
    static func isCompressible(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = (contentType.split(separator: ";").first.map(String.init) ?? contentType).trimmingSpaces()
            .lowercased()
        if type.hasPrefix("text/") || type.hasSuffix("+json") || type.hasSuffix("+xml") { return true }
        return [
            "application/json", "application/xml", "application/javascript", "application/yaml",
            "application/x-yaml", "application/x-ndjson", "image/svg+xml",
        ].contains(type)
    }
}
