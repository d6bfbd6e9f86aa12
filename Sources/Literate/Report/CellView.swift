// One cell in the report: a bar with its title, status and time; its code, folded; then what it
// printed, the figures and tables it showed, and its error, in the order they came.
import Foundation

/// The HTML of one cell.
enum CellView {
    /// Outputs longer than this many lines show their start and end only.
    static let maximumOutputLines = 600

    /// The cell `record`, with `code` folded under its bar when given. Code between cells that
    /// showed something gets the same box without the bar (unless it failed).
    static func html(_ record: CellRecord, code: String?) -> String {
        var classes = record.isCell ? "cell" : "cell between"
        var badges = ""
        var anchor = ""
        var failed = false
        switch record.status {
        case .running:
            classes += " running"
            badges = "<span class=\"badge running\">running</span>"
        case .ran:
            classes += " ran"
            if !record.whyRan.isEmpty {
                badges = "<span class=\"why\">ran: \(HTML.escape(RerunReason.phrase(record.whyRan)))</span>"
            }
        case .replayed(let originalDuration, let ranAt):
            classes += " replayed"
            badges =
                "<span class=\"badge cache\" title=\"ran \(HTML.escape(ReportFormat.dateTime(ranAt))) in "
                + "\(ReportFormat.duration(originalDuration))\">from cache</span>"
        case .failed:
            classes += " failed"
            anchor = " id=\"failed-cell\""
            failed = true
            badges = "<span class=\"badge failed\">failed</span>"
        case .interrupted:
            classes += " interrupted"
            anchor = " id=\"failed-cell\""
            badges = "<span class=\"badge interrupted\">interrupted</span>"
        }
        var html = "<div class=\"\(classes)\"\(anchor)>\n"
        if record.isCell || failed {
            html += """
                <div class="cell-bar"><span class="cell-title">\(HTML.escape(record.title))</span>\
                <span class="cell-meta">\(badges)<span class="time">\(record.isCell ? timeText(record) : "")</span></span></div>

                """
        }
        if let code { html += codeHTML(code, label: "Code") }
        html += itemsHTML(record.items)
        html += record.notes.map { "<p class=\"note\">\(HTML.escape($0))</p>\n" }.joined()
        if case .failed(let message) = record.status {
            html += "<pre class=\"error\">\(HTML.escape(message))</pre>\n"
        }
        return html + "</div>\n"
    }

    /// A cell of the source that did not run: greyed, with why.
    static func notRun(_ cell: SourceCell, code: String, waiting: Bool) -> String {
        let why = waiting ? "not run yet" : "not run"
        return """
            <div class="cell not-run">
            <div class="cell-bar"><span class="cell-title">\(HTML.escape(cell.writtenTitle))</span>\
            <span class="cell-meta"><span class="badge not-run">\(why)</span></span></div>
            \(codeHTML(code, label: "Code"))</div>

            """
    }

    /// `code`, folded, for highlight.js to colour.
    static func codeHTML(_ code: String, label: String) -> String {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).count
        return """
            <details class="code"><summary>\(label) <span class="lines">\(lines) line\(lines == 1 ? "" : "s")</span></summary>\
            <pre><code class="language-swift">\(HTML.escape(code))</code></pre></details>

            """
    }

    private static func timeText(_ record: CellRecord) -> String {
        switch record.status {
        case .running: return ""
        case .replayed(let original, _):
            return "\(ReportFormat.duration(record.duration)) (ran in \(ReportFormat.duration(original)))"
        default: return ReportFormat.duration(record.duration)
        }
    }

    private static func itemsHTML(_ items: [CellItem]) -> String {
        var html = ""
        for item in items {
            switch item {
            case .output(let output):
                let cls = output.stream == .standardError ? "output stderr" : "output"
                html += "<pre class=\"\(cls)\">\(HTML.escape(shortened(output.text)))</pre>\n"
            case .figure(let figure):
                // The figure draws its title itself; the picture links to its full-size PNG.
                html += """
                    <figure><a href="\(HTML.escape(figure.file))"><img src="\(HTML.escape(figure.file))" \
                    width="\(Int(figure.width))" height="\(Int(figure.height))" alt="\(HTML.escape(figure.title))"></a></figure>

                    """
            case .table(let table):
                html += TableView.html(table)
            }
        }
        return html
    }

    /// `text` without a trailing newline, its middle cut when it has too many lines.
    private static func shortened(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count > maximumOutputLines else { return lines.joined(separator: "\n") }
        let head = maximumOutputLines * 2 / 3
        let tail = maximumOutputLines / 3
        return (lines.prefix(head) + ["… \(lines.count - head - tail) lines left out …"] + lines.suffix(tail))
            .joined(separator: "\n")
    }
}
