// How a results table lays out its cells (the mean ± sd of trials is StudyKit's, tested there).
import Testing

@testable import Literate

@Suite struct ResultsTableTests {
    @Test func numericColumnsAreRightAlignedHeaderIncluded() {
        let table = ResultsTable(
            "T", columns: ["Strategy", "Labels", "Note"],
            rows: [["Margin", "5\u{202F}600", "best"], ["Random", "—", "n/a"]])
        let html = TableView.html(table)
        #expect(html.contains(#"<th>Strategy</th><th class="number">Labels</th><th>Note</th>"#))
        #expect(html.contains("<td>Margin</td><td class=\"number\">5\u{202F}600</td><td>best</td>"))
    }
}
