/// Keeps a spreadsheet from running a text cell as a formula (CSV injection, OWASP "CSV Injection").
///
/// A cell is a formula risk when, after any leading characters a spreadsheet may skip or normalise (spaces
/// including U+3000, tabs and line breaks, zero-width and other invisible format characters), it begins with `=`,
/// `+`, `-` or `@`, their full-width forms `＝ ＋ － ＠` or small forms `﹦ ﹢ ﹣ ﹫`, or it begins with a tab or
/// carriage return itself. Such a cell gets a leading `'`, which shows as text and is not part of the value Excel
/// displays.
enum FormulaGuard {
    static let triggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FE66}", "\u{FE62}", "\u{FE63}",
        "\u{FE6B}",
    ]

    /// `text`, prefixed with `'` when it could run as a formula.
    static func safe(_ text: String) -> String { isRisky(text) ? "'" + text : text }

    static func isRisky(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        guard let lead = text.unicodeScalars.first(where: { !isSkipped($0) }) else { return false }
        return triggers.contains(lead)
    }

    /// Characters a spreadsheet may pass over before reading a formula: white space (U+3000 among it) and
    /// invisible format characters (U+200B–U+200F, U+2060, U+FEFF, bidi controls: general category Cf).
    static func isSkipped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .format || scalar == "\u{200B}"
    }
}
