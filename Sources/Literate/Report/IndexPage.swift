// `<output>/index.html`: every study's last run in one table (its headline, when, which
// profile, how it ended), rebuilt from the studies' summaries each time one finishes.
import Foundation

/// Renders the index of all studies.
enum IndexPage {
    /// The page listing `summaries`.
    static func html(_ summaries: [StudySummary]) -> String {
        let rows = summaries.map { summary in
            let status: String
            switch summary.status {
            case .complete: status = "<span class=\"complete\">✓ complete</span>"
            case .running: status = "<span class=\"running\">running or stopped</span>"
            case .failed:
                status =
                    "<span class=\"failed\">✗ failed</span>"
                    + (summary.failedCell.map { " in “\(HTML.escape($0))”" } ?? "")
            case .interrupted:
                status =
                    "<span class=\"running\">⏸ interrupted</span>"
                    + (summary.failedCell.map { " in “\(HTML.escape($0))”" } ?? "")
            }
            let link = "\(HTML.escape(summary.study))/index.html"
            return """
                <tr><td><a href="\(link)"><b>\(HTML.escape(summary.title))</b></a><br>\
                <span class="when">\(HTML.escape(summary.study))</span></td>\
                <td>\(summary.profile == .quick ? Profile.smokeRunBadge : "")\(HTML.escape(summary.headline ?? "—"))</td>\
                <td class="when">\(HTML.escape(ReportFormat.dateTime(summary.startedAt)))<br>\
                \(summary.profile.rawValue), seed \(summary.seed), \(ReportFormat.duration(summary.duration))</td>\
                <td>\(status)</td></tr>
                """
        }.joined(separator: "\n")
        return PageShell.html(
            title: "Studies", assetsPath: "assets/", assets: .none,
            body: """
                <header class="report-head"><p class="kicker">Reports</p><h1>Studies</h1>
                <p class="status">The last run of each notebook. Rerun one with <code>swift run &lt;Study&gt;</code>.</p></header>
                <table class="studies"><thead><tr><th>Study</th><th>Headline</th><th>Last run</th><th>Status</th></tr></thead>
                <tbody>
                \(rows)
                </tbody></table>
                """)
    }
}
