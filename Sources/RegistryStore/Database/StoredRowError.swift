/// A stored row that the database's CHECKs let through but the domain cannot read (a value outside its set, a
/// malformed code): a bug or a hand-edited database. Decoding throws it rather than leaving the row out of an
/// answer; the API answers 500 and logs it.
struct StoredRowError: Error, CustomStringConvertible {
    /// The table and key of the row, e.g. `direct_report 12`.
    var row: String
    /// The column that could not be read.
    var column: String

    var description: String { "\(row): column \(column) holds a value this build cannot read" }
}
