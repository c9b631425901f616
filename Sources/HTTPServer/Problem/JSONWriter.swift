/// A minimal streaming JSON writer for bodies the server itself makes (problems), with correct string escaping.
package struct JSONWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    private var needsComma = false

    package init() { bytes.reserveCapacity(256) }

    package mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    package mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    package mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    package mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    package mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    package mutating func member(_ name: String, _ value: Int) { key(name); number(value) }
    package mutating func member(_ name: String, _ value: Bool) { key(name); raw(value ? "true" : "false") }

    package mutating func string(_ value: String) { separate(); appendString(value); needsComma = true }
    package mutating func number(_ value: Int) { raw(String(value)) }
    package mutating func null() { raw("null") }

    /// Appends already-valid JSON text (a number, `true`, `null`, or a pre-encoded fragment).
    package mutating func raw(_ text: String) { separate(); bytes.append(contentsOf: text.utf8); needsComma = true }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// The number of bytes written so far: an offset for `overwrite(at:with:)`.
    package var count: Int { bytes.count }

    /// Replaces bytes already written, without changing the length (a fixed-width placeholder filled in later).
    package mutating func overwrite(at offset: Int, with replacement: [UInt8]) {
        guard offset >= 0, offset + replacement.count <= bytes.count else { return }
        bytes.replaceSubrange(offset..<(offset + replacement.count), with: replacement)
    }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Fast path: most strings need no escaping and are copied whole.
        let plain: Bool? = value.utf8.withContiguousStorageIfAvailable { buffer in
            !buffer.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
