import CZlib

/// Incremental gzip for streamed bodies: each piece is deflated as it comes, the trailer written at the end.
/// Not thread-safe; `StreamWriter` keeps it behind a mutex.
final class GzipStream {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: 16 * 1024)

    /// Nil when zlib cannot be set up.
    init?(level: Int32 = 4) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)
        )
        guard status == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `input`; with `finish`, also flushes everything and writes the gzip trailer.
    /// May return nothing while zlib gathers input.
    func compress(_ input: [UInt8], finish: Bool = false) -> [UInt8] {
        var result: [UInt8] = []
        input.withUnsafeBytes { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let (status, produced) = output.withUnsafeMutableBytes { target -> (Int32, Int) in
                    stream.pointee.next_out = target.bindMemory(to: Bytef.self).baseAddress
                    stream.pointee.avail_out = uInt(target.count)
                    let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                    return (status, target.count - Int(stream.pointee.avail_out))
                }
                result.append(contentsOf: output[0..<produced])
                if status == Z_STREAM_ERROR || status == Z_STREAM_END { break }
                // Output full: more may be pending. Otherwise all input is consumed (and, when finishing, we
                // loop until Z_STREAM_END).
                if stream.pointee.avail_out != 0 && (!finish || status == Z_BUF_ERROR) { break }
            }
            stream.pointee.next_in = nil
        }
        return result
    }
}
