/// A one-sheet Office Open XML workbook (ECMA-376): the smallest set of parts Excel, WPS and LibreOffice open.
/// Cells are inline strings, or numbers in the columns named numeric (codes such as `region_code` stay text).
enum XLSXWorkbook {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook's bytes for `rows` (the first row is the header) on a sheet named `sheet`.
    static func make(sheet: String, rows: [[String]], numericColumns: Set<Int> = []) -> [UInt8] {
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", Array(contentTypes.utf8))
        archive.add("_rels/.rels", Array(rootRelationships.utf8))
        archive.add("xl/workbook.xml", Array(workbook(sheet).utf8))
        archive.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8))
        archive.add("xl/worksheets/sheet1.xml", worksheet(rows, numericColumns: numericColumns))
        return archive.data
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        </Types>
        """

    static let rootRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/></Relationships>
        """

    static func workbook(_ sheet: String) -> String {
        declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(escape(String(sheet.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    static func worksheet(_ rows: [[String]], numericColumns: Set<Int>) -> [UInt8] {
        var xml = declaration
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (index, row) in rows.enumerated() {
            xml += "<row r=\"\(index + 1)\">"
            for (column, value) in row.enumerated() {
                let reference = columnName(column) + String(index + 1)
                if index > 0, numericColumns.contains(column), isNumber(value) {
                    xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                } else if !value.isEmpty {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return Array(xml.utf8)
    }

    /// A, B, …, Z, AA, AB, …
    static func columnName(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Plain non-negative decimal numbers only (no sign, no exponent, no leading zeros).
    static func isNumber(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 15 else { return false }
        let digits = text.split(separator: ".", omittingEmptySubsequences: false)
        guard digits.count <= 2, digits.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        return !(digits[0].count > 1 && digits[0].hasPrefix("0"))
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\u{9}", "\u{A}", "\u{D}": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 { continue }  // not allowed in XML 1.0
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
