// `<output>/index.html`: every study's last run of each profile in one table (its headline,
// when, how it ended), paper first, rebuilt from the studies' summaries each time one finishes.
import Foundation

/// Renders the index of all studies.
enum IndexPage {
    /// The page listing `summaries`.
    static func html(_ summaries: [StudySummary]) -> String {
        let rows = summaries.enumerated().map { position, summary in
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
            let link = HTML.escape(summary.reportPath)
            let sameStudy = summaries.filter { $0.study == summary.study }
            let first = position == 0 || summaries[position - 1].study != summary.study
            let studyCell =
                first
                ? "<td rowspan=\"\(sameStudy.count)\"><a href=\"\(link)\"><b>\(HTML.escape(summary.title))</b></a><br>"
                    + "<span class=\"when\">\(HTML.escape(summary.study))</span></td>" : ""
            return """
                <tr>\(studyCell)<td><a href="\(link)">\(summary.profile.rawValue)</a></td>\
                <td class="headline-cell">\(summary.profile == .quick ? Profile.smokeRunBadge : "")\(HTML.escape(summary.headline ?? "—"))</td>\
                <td class="when">\(HTML.escape(ReportFormat.dateTime(summary.startedAt)))<br>\
                seed \(summary.seed), \(ReportFormat.duration(summary.duration))</td>\
                <td>\(status)</td></tr>
                """
        }.joined(separator: "\n")
        return PageShell.html(
            title: "Studies", assetsPath: "assets/", assets: .none,
            body: """
                <header class="report-head"><p class="kicker">Reports</p><h1>Studies</h1>
                <p class="status">The last run of each notebook in each profile, the original protocol (paper) first. \
                Rerun one with <code>swift run -c release &lt;Study&gt; --profile quick|standard|paper</code>.</p></header>
                <table class="studies"><thead><tr><th>Study</th><th>Profile</th><th>Headline</th><th>Last run</th><th>Status</th></tr></thead>
                <tbody>
                \(rows)
                </tbody></table>
                """)
    }
}
