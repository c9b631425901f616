import HTTP1

/// What a decoder made of some bytes: the requests it completed and, if it stopped, why.
struct Decoded: Equatable, CustomStringConvertible {
    struct Request: Equatable {
        var method: String
        var target: String
        var minorVersion: Int
        var headers: [String]
        var body: String
        var keepAlive: Bool
        var expectsContinue: Bool
    }

    var requests: [Request] = []
    var error: HTTPParseError?
    /// Bytes given but not part of a completed request when no error stopped the decoder.
    var incomplete = false

    var description: String {
        "\(requests.map { "\($0.method) \($0.target) \($0.body)" }) error: \(String(describing: error))"
    }
}

/// Feeds `bytes` in pieces cut at `cuts` (offsets) and collects what comes out.
func decode(_ bytes: [UInt8], cuts: [Int], limits: RequestDecoder.Limits = .init()) -> Decoded {
    var decoder = RequestDecoder(limits: limits)
    var result = Decoded()
    var pending: RequestHead?
    var start = 0
    for end in cuts + [bytes.count] where end >= start {
        decoder.append(Array(bytes[start..<end]))
        start = end
        do {
            while let event = try decoder.next() {
                switch event {
                case .head(let head): pending = head
                case .end(let body):
                    guard let head = pending else { continue }
                    result.requests.append(
                        .init(
                            method: head.method, target: head.target, minorVersion: head.minorVersion,
                            headers: head.headers.map { "\($0.name): \($0.value)" },
                            body: String(decoding: body, as: UTF8.self), keepAlive: head.keepAlive,
                            expectsContinue: head.expectsContinue))
                    pending = nil
                }
            }
        } catch {
            result.error = error
            return result
        }
    }
    result.incomplete = decoder.bufferedByteCount > 0 || pending != nil
    return result
}

/// The same bytes fed whole, byte by byte, and split in two at every offset: every way must agree.
func decodeEveryWay(_ text: String, limits: RequestDecoder.Limits = .init()) -> (
    whole: Decoded, disagreements: [String]
) {
    let bytes = Array(text.utf8)
    let whole = decode(bytes, cuts: [], limits: limits)
    var disagreements: [String] = []
    let byteByByte = decode(bytes, cuts: Array(0..<bytes.count), limits: limits)
    if byteByByte != whole { disagreements.append("byte by byte: \(byteByByte)") }
    for cut in 0...bytes.count {
        let split = decode(bytes, cuts: [cut], limits: limits)
        if split != whole { disagreements.append("split at \(cut): \(split)") }
    }
    return (whole, disagreements)
}
