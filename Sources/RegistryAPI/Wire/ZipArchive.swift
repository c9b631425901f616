/// A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record) storing entries
/// uncompressed: enough for an XLSX workbook, which is a ZIP of XML parts. No new dependency for one export.
struct ZipArchive {
    private var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    /// Adds a file. Names are ASCII paths; 1980-01-01 is the timestamp (the epoch of DOS dates).
    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.of(data)
        let offset = UInt32(bytes.count)
        var local: [UInt8] = []
        local.append32(0x0403_4B50)
        local.append16(20)  // version needed: 2.0
        local.append16(0x0800)  // UTF-8 names
        local.append16(0)  // stored
        local.append16(0)  // time 00:00
        local.append16(0x21)  // date 1980-01-01
        local.append32(crc)
        local.append32(UInt32(data.count))
        local.append32(UInt32(data.count))
        local.append16(UInt16(nameBytes.count))
        local.append16(0)
        bytes += local + nameBytes + data
        central.append32(0x0201_4B50)
        central.append16(20)
        central.append16(20)
        central.append16(0x0800)
        central.append16(0)
        central.append16(0)
        central.append16(0x21)
        central.append32(crc)
        central.append32(UInt32(data.count))
        central.append32(UInt32(data.count))
        central.append16(UInt16(nameBytes.count))
        central.append16(0)  // extra
        central.append16(0)  // comment
        central.append16(0)  // disk
        central.append16(0)  // internal attributes
        central.append32(0)  // external attributes
        central.append32(offset)
        central += nameBytes
        count += 1
    }

    /// The archive's bytes.
    var data: [UInt8] {
        var end: [UInt8] = []
        end.append32(0x0605_4B50)
        end.append16(0)
        end.append16(0)
        end.append16(UInt16(count))
        end.append16(UInt16(count))
        end.append32(UInt32(central.count))
        end.append32(UInt32(bytes.count))
        end.append16(0)
        return bytes + central + end
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP requires.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func of(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    fileprivate mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
