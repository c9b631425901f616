import HTTPServer
import RegistryDomain

/// RFC 4180 CSV: comma-separated, `"`-quoted fields with `""` for a quote, CRLF or LF line ends, quoted
/// fields may span lines. Each record knows the file line it starts on (the first line is 1).
struct CSVReader {
    struct Record {
        var line: Int
        var fields: [String]
    }

    enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)

        /// The violation a file that is not CSV gets, at the line where reading failed.
        var violation: FieldViolation {
            let line: Int
            switch self {
            case .unterminatedQuote(let at), .textAfterQuote(let at): line = at
            }
            return FieldViolation(
                field: "", code: "csv", message: "the file is not valid CSV (RFC 4180) near this line", line: line)
        }
    }

    /// Refuses a body that is not `text/csv` (or `application/csv`) with a 415 naming `what` it should be.
    static func requireCSV(_ request: HTTPRequest, what: String) throws(Problem) {
        let contentType = request.headers["Content-Type"] ?? ""
        guard ["text/csv", "application/csv"].contains(MediaType.essence(contentType)) else {
            throw Problem(
                .unsupportedMediaType, type: ProblemType.unsupportedMediaType, detail: "send \(what) as text/csv")
        }
    }

    /// Every non-blank record of `text`.
    static func records(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        try forEachRecord(text) { record in
            records.append(record)
            return true
        }
        return records
    }

    /// Hands each non-blank record of `text` to `body` as it is read, until `body` answers false: a large file is
    /// never held as records all at once.
    static func forEachRecord(_ text: String, _ body: (Record) -> Bool) throws(Failure) {
        var fields: [String] = []
        var stopped = false
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        let bytes = Array(text.utf8)
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { stopped = !body(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.count, !stopped {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
                afterQuote = false
            case 0x0A:
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case 0x0D where index < bytes.count && bytes[index] == 0x0A:
                continue
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                if afterQuote { throw .textAfterQuote(line: line) }
                field.append(byte)
            }
        }
        if stopped { return }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
    }
}
