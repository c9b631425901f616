// Fuzz target for HTTP1.RequestDecoder, compiled together with Sources/HTTP1/*.swift by run.sh.
//
// Each input is decoded twice: fed whole, and fed in pieces whose sizes come from the input's first byte.
// Besides crashes (bounds, overflow, ASan), the target traps when the two feeds disagree in any way (requests,
// bodies, or which error): an incremental parser must not depend on how bytes arrive. Small limits make the limit paths reachable.

/// The outcome of decoding: each request as text, then the error if one stopped the decoder.
func outcome(of bytes: UnsafeRawBufferPointer, pieceSize: Int) -> [String] {
    var limits = RequestDecoder.Limits()
    limits.maxRequestLineLength = 256
    limits.maxHeaderSectionSize = 1024
    limits.maxHeaderCount = 16
    limits.maxBodySize = 4096
    limits.maxChunkLineLength = 64
    var decoder = RequestDecoder(limits: limits)
    var results: [String] = []
    var offset = 0
    var step = 0
    while offset < bytes.count {
        // Piece sizes vary: 1, 2, … pieceSize, then again.
        let size = pieceSize == 0 ? bytes.count : 1 + step % pieceSize
        step += 1
        let end = min(bytes.count, offset + size)
        decoder.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
        offset = end
        do {
            while let event = try decoder.next() {
                switch event {
                case .head(let head):
                    precondition(head.target.first == "/" || head.target == "*", "target not in origin form")
                    results.append("head \(head.method) \(head.target) \(head.minorVersion) \(head.headers.count) \(head.framing) \(head.keepAlive)")
                case .end(let body):
                    precondition(body.count <= limits.maxBodySize, "body over the limit")
                    results.append("end \(body.count) \(body.hashValue)")
                }
            }
        } catch {
            results.append("error \(error)")
            return results
        }
    }
    return results
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestDecoder(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let all = UnsafeRawBufferPointer(start: data, count: count)
    let pieceSize = Int(all[0] % 8)
    let input = UnsafeRawBufferPointer(rebasing: all[1...])
    let whole = outcome(of: input, pieceSize: 0)
    let pieces = outcome(of: input, pieceSize: max(1, pieceSize))
    precondition(whole == pieces, "feeds disagree:\n\(whole)\n\(pieces)")
    return 0
}
