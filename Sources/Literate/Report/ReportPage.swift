// The HTML page of a study's report: a header that says what ran where and how it ended, the
// contents, then each section's prose, code and results. A pure function of a StudyReport.
import Foundation

/// Renders `<output>/<Study>/index.html`.
enum ReportPage {
    /// The whole page for `report`.
    static func html(_ report: StudyReport) -> String {
        var markdown = MarkdownRenderer()
        let introduction = markdown.render(report.source.introduction)
        let placement = CellPlacement(report.records)
        var body = ""
        for (index, section) in report.source.sections.enumerated() {
            body += sectionHTML(section, records: placement.records(of: index), report: report, markdown: &markdown)
        }
        body += placement.unplaced.map { CellView.html($0, code: nil) }.joined()
        let contents = markdown.headings.filter { (2...3).contains($0.level) }
        // from <output>/<Study>/ or <output>/<Study>/<profile>/ back to <output>/
        let up = report.parameters.profile == .standard ? "../" : "../../"
        return PageShell.html(
            title: report.title, assetsPath: up + "assets/", assets: report.assets,
            body: """
                <header class="report-head">
                <p class="kicker">Study · \(HTML.escape(report.study))</p>
                <h1>\(HTML.escape(report.title))</h1>
                \(statusHTML(report))
                \(report.notes.map { "<p class=\"run-note\">\(HTML.escape($0))</p>" }.joined())
                \(report.headline.map { headlineHTML($0, profile: report.parameters.profile) } ?? "")
                \(runFactsHTML(report))
                </header>
                \(introduction.isEmpty ? "" : "<div class=\"prose intro\">\(introduction)</div>")
                \(contentsHTML(contents))
                <main>
                \(body)
                </main>
                <footer>Written by Literate from <code>\(HTML.escape(report.sourceName))</code>, \
                \(HTML.escape(ReportFormat.dateTime(report.startedAt))). \
                <a href="\(up)index.html">All studies</a></footer>
                """)
    }

    private static func sectionHTML(
        _ section: NotebookSource.Section, records: [CellRecord], report: StudyReport, markdown: inout MarkdownRenderer
    ) -> String {
        var html = "<section class=\"part\">\n"
        if !section.prose.isEmpty { html += "<div class=\"prose\">\(markdown.render(section.prose))</div>\n" }
        var code = section.code.isEmpty ? nil : section.code
        if let cell = section.cell, !records.contains(where: \.isCell) {
            html += CellView.notRun(cell, code: section.code, waiting: report.state == .running)
            code = nil
        }
        if records.isEmpty, let code {
            html += CellView.codeHTML(code, label: section.prose.isEmpty ? "Setup code" : "Code")
        }
        for (index, record) in records.enumerated() {
            html += CellView.html(record, code: index == 0 ? code : nil)
        }
        return html + "</section>\n"
    }

    private static func statusHTML(_ report: StudyReport) -> String {
        let cells = report.records.filter(\.isCell)
        let replayed = cells.filter { if case .replayed = $0.status { true } else { false } }.count
        let ran = cells.count - replayed
        let total = report.source.cells.count
        switch report.state {
        case .finished:
            var cells = "\(cells.count) cell\(cells.count == 1 ? "" : "s")"
            if replayed > 0 { cells += ": \(ran) ran, \(replayed) from the cache" }
            return "<p class=\"status ok\"><b>✓ Complete</b> · \(cells) · \(ReportFormat.duration(report.duration))</p>"
        case .failed(let cell):
            let after = max(total - Set(cells.compactMap(\.sourceIndex)).count, 0)
            let rest = after == 0 ? "" : " · the \(after) cell\(after == 1 ? "" : "s") after it did not run"
            return
                "<p class=\"status failed\"><b>✗ Failed</b> in <a href=\"#failed-cell\">\(HTML.escape(cell))</a>\(rest)</p>"
        case .interrupted(let cell):
            let done = cells.filter { $0.status != .interrupted }.count
            let place = cell.map { " in <a href=\"#failed-cell\">\(HTML.escape($0))</a>" } ?? " between cells"
            return """
                <p class="status interrupted"><b>⏸ Interrupted</b>\(place) · partial report: \(done) of \(total) cells done · \
                run again to go on (cached cells replay, checkpointed cells resume)</p>
                """
        case .running:
            let done = cells.filter { $0.status != .running }.count
            return """
                <p class="status running"><b>Running, or stopped before the end</b> · \(done) of \(total) cells done · \
                updated \(HTML.escape(ReportFormat.dateTime(report.startedAt.addingTimeInterval(report.duration))))</p>
                """
        }
    }

    /// The headline, marked as a smoke run's when the quick profile ran: its numbers show that
    /// the cells work, not what the study finds.
    private static func headlineHTML(_ headline: String, profile: Profile) -> String {
        let badge = profile == .quick ? Profile.smokeRunBadge : ""
        return "<p class=\"headline\">\(badge)\(HTML.escape(headline))</p>"
    }

    private static func runFactsHTML(_ report: StudyReport) -> String {
        let parameters = report.parameters
        let facts: [(String, String)] = [
            ("Profile", parameters.profile.rawValue),
            ("Seed", String(parameters.seed)),
            ("Trials", (report.trials ?? parameters.trials).map(String.init) ?? "—"),
            ("Started", ReportFormat.dateTime(report.startedAt)),
            ("Total time", ReportFormat.duration(report.duration)),
            ("Commit", report.environment.commit),
            ("Machine", report.environment.machine),
        ]
        var items = facts.map { "<div><dt>\($0.0)</dt><dd>\(HTML.escape($0.1))</dd></div>" }.joined()
        for fact in report.environment.facts {
            let title = fact.detail.map { " title=\"\(HTML.escape($0))\"" } ?? ""
            items +=
                "<div\(fact.wide ? " class=\"wide\"" : "")><dt>\(HTML.escape(fact.name))</dt>"
                + "<dd\(title)>\(HTML.escape(fact.value))</dd></div>"
        }
        let data = report.dataFolder + (parameters.dataFolder == nil ? " (default)" : "")
        items += "<div class=\"wide\"><dt>Data</dt><dd>\(HTML.escape(data))</dd></div>"
        items += "<div class=\"wide\"><dt>Command</dt><dd><code>\(HTML.escape(report.command))</code></dd></div>"
        return "<dl class=\"facts\">\(items)</dl>"
    }

    private static func contentsHTML(_ headings: [MarkdownRenderer.Heading]) -> String {
        guard headings.count > 1 else { return "" }
        let items = headings.map { heading in
            "<li class=\"level-\(heading.level)\"><a href=\"#\(heading.anchor)\">\(heading.html)</a></li>"
        }.joined()
        return "<nav class=\"contents\"><h2 class=\"contents-title\">Contents</h2><ol>\(items)</ol></nav>"
    }
}
