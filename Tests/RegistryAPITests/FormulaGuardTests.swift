import Testing

@testable import RegistryAPI

/// CSV cells that a spreadsheet could run as formulas get a leading `'`, however the trigger is disguised.
@Suite struct FormulaGuardTests {
    @Test(arguments: [
        "=1+1", "+86 138", "-2", "@SUM(A1)", " =1+1", "\u{3000}=1+1", "\u{200B}=1+1", "\u{FEFF}@x", "\u{2060}+1",
        "\u{200E}=1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "\u{3000}＝HYPERLINK(\"x\")", "\t=1", "\r=1", "\tanything",
        " \u{200B}\u{3000}-1", "﹦1",
    ])
    func aDisguisedFormulaIsPrefixed(cell: String) {
        #expect(FormulaGuard.safe(cell) == "'" + cell)
        #expect(RosterExport.formulaSafe(cell) == "'" + cell)
    }

    @Test(arguments: ["中山市华兴电器有限公司", "", " ", "\u{3000}", "A=B", "华兴 - 分公司", "1+1", "'=already"])
    func ordinaryTextIsUnchanged(cell: String) {
        #expect(FormulaGuard.safe(cell) == cell)
    }

    @Test func coverageFieldsKeepPlainNumbersAndGuardTheRest() {
        #expect(CoverageCSV.field("-1") == "-1")
        #expect(CoverageCSV.field("0.5") == "0.5")
        #expect(CoverageCSV.field("\u{3000}=1") == "'\u{3000}=1")
        #expect(CoverageCSV.field("＝1,2") == "\"'＝1,2\"")
    }
}
