// A ResultsTable as HTML: caption, header row, body, notes; columns of numbers right-aligned,
// header included, so that figures line up.

/// The HTML of results tables.
enum TableView {
    /// `table` as a `<table>` with its notes under it; every cell escaped.
    static func html(_ table: ResultsTable) -> String {
        let numeric = table.columns.indices.map { column in
            column > 0 && !table.rows.isEmpty && table.rows.allSatisfy { looksNumeric($0[column]) }
        }
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            "<\(tag)\(numeric[column] ? " class=\"number\"" : "")>\(HTML.escape(text))</\(tag)>"
        }
        let head = table.columns.enumerated().map { cell("th", $0.element, $0.offset) }.joined()
        let body = table.rows.map { row in
            "<tr>" + row.enumerated().map { cell("td", $0.element, $0.offset) }.joined() + "</tr>"
        }.joined(separator: "\n")
        let notes = table.notes.map { "<p class=\"table-note\">\(HTML.escape($0))</p>" }.joined()
        return """
            <div class="table"><table><caption>\(HTML.escape(table.title))</caption>
            <thead><tr>\(head)</tr></thead>
            <tbody>
            \(body)
            </tbody></table>\(notes)</div>

            """
    }

    /// Whether `cell` reads as a number ("0.85", "84.9 %", "−2", "5 600", "89.8 % ± 0.6 %"), or
    /// stands for a missing one ("—", "n/a").
    private static func looksNumeric(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return true }
        if cell == "—" || cell == "n/a" { return true }
        if first.properties.numericType != nil { return true }
        return "−-+".unicodeScalars.contains(first)
            && cell.unicodeScalars.dropFirst().first?.properties.numericType != nil
    }
}
