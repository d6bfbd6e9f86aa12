// The numbers of a results table, written the way the studies compare them with the originals.
import Testing

@testable import Literate

@Suite struct ResultsTableTests {
    @Test(arguments: [
        ([0.9007], ResultsTable.Format.percent(2), "90.07\u{202F}%"),
        ([0.9, 0.92], .percent(1), "91.0\u{202F}% ± 1.4\u{202F}% (2 trials)"),
        ([1, 2, 3], .decimal(2), "2.00 ± 1.00 (3 trials)"),
        ([5600], .count, "5\u{202F}600"),
        ([1_234_567], .count, "1\u{202F}234\u{202F}567"),
        ([-2.5, -3.5], .decimal(1), "−3.0 ± 0.7 (2 trials)"),
        ([400, 500], .count, "450 ± 70.7 (2 trials)"),
        ([], .decimal(1), "—"),
        ([.nan], .decimal(1), "n/a"),
    ])
    func meanAndSpreadAreWrittenInTheTablesFormat(values: [Double], format: ResultsTable.Format, text: String) {
        #expect(ResultsTable.meanAndSpread(values, as: format) == text)
    }

    @Test func theTrialCountCanBeLeftToTheTablesNotes() {
        #expect(ResultsTable.meanAndSpread([0.9, 0.92], as: .percent(1), countingTrials: false) == "91.0\u{202F}% ± 1.4\u{202F}%")
        #expect(ResultsTable.meanAndSpread([0.9], as: .percent(1), countingTrials: false) == "90.0\u{202F}%")
    }

    @Test func aComparisonRowHasTheQuantityTheOriginalAndThisRun() {
        var table = ResultsTable.comparison("Test accuracy")
        table.compare("Round 9", reported: 0.9007, thisRun: [0.9], as: .percent(1))
        table.compare("Round 10", reported: nil, thisRun: [0.91], as: .percent(1))
        #expect(table.columns == ["", "Reported by the original", "This run"])
        #expect(table.rows == [["Round 9", "90.1\u{202F}%", "90.0\u{202F}%"], ["Round 10", "—", "91.0\u{202F}%"]])
    }

    @Test func numericColumnsAreRightAlignedHeaderIncluded() {
        let table = ResultsTable(
            "T", columns: ["Strategy", "Labels", "Note"],
            rows: [["Margin", "5\u{202F}600", "best"], ["Random", "—", "n/a"]])
        let html = TableView.html(table)
        #expect(html.contains(#"<th>Strategy</th><th class="number">Labels</th><th>Note</th>"#))
        #expect(html.contains("<td>Margin</td><td class=\"number\">5\u{202F}600</td><td>best</td>"))
    }
}
