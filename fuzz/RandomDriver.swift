// Fallback driver for toolchains without libFuzzer: deterministic random mutations of the seed corpus,
// for a number of seconds. Compiled only when run.sh is given FUZZ_DRIVER=random or libFuzzer fails to build.
#if FUZZ_RANDOM_DRIVER
import Glibc

@main
enum RandomDriver {
    static func main() {
        let arguments = CommandLine.arguments
        let seconds = arguments.count > 1 ? Double(arguments[1]) ?? 60 : 60
        var seeds: [[UInt8]] = []
        for path in arguments.dropFirst(2) {
            guard let file = fopen(path, "rb") else { continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            fclose(file)
            seeds.append(bytes)
        }
        if seeds.isEmpty { seeds = [Array("\u{1}GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)] }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var executions = 0
        let interesting: [UInt8] = Array("\r\n :;,0123456789abcdefABCDEF\t\u{0}chunkedContent-Length".utf8)
        while true {
            var input = seeds[Int(next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(next() % 8)) {
                let position = input.isEmpty ? 0 : Int(next() % UInt64(input.count))
                switch next() % 4 {
                case 0 where !input.isEmpty: input[position] = UInt8(truncatingIfNeeded: next())
                case 1: input.insert(interesting[Int(next() % UInt64(interesting.count))], at: position)
                case 2 where !input.isEmpty: input.remove(at: position)
                default: if !input.isEmpty { input += input[position...].prefix(64) }
                }
            }
            input.withUnsafeBufferPointer { buffer in
                _ = fuzzRequestDecoder(buffer.baseAddress, buffer.count)
            }
            executions += 1
            if executions % 1024 == 0 {
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                if Double(now.tv_sec - start.tv_sec) >= seconds { break }
            }
        }
        print("stat::number_of_executed_units: \(executions)")
    }
}
#endif
