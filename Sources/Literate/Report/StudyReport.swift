// Everything one study's report shows, gathered in one value so that the page is a pure
// function of it (and a test can render one without running anything).
import Foundation

/// The content of `<output>/<Study>/index.html`.
struct StudyReport {
    /// Where the run stands.
    enum State: Equatable {
        /// Cells are still running (or the run was killed); the report is rewritten after each.
        case running
        /// `finish()` was reached.
        case finished
        /// The cell titled `cell` failed; nothing ran after it.
        case failed(cell: String)
        /// A signal (Ctrl-C) stopped the run in the cell titled `cell`, or between cells (nil).
        case interrupted(cell: String?)
    }

    var study: String
    var source: NotebookSource
    /// The notebook's file, as the footer names it.
    var sourceName: String
    var records: [CellRecord]
    var parameters: RunParameters
    /// The trial count the notebook asked for (`notebook.trials(…)`), if it did.
    var trials: Int?
    /// The data folder the run read (`--data`, or the default).
    var dataFolder: String
    var startedAt: Date
    /// Seconds since the run started.
    var duration: Double
    var environment: RunEnvironment
    /// The command line, as the person typed it (program name and flags).
    var command: String
    var headline: String?
    var state: State
    var assets: ReportAssets
    /// Remarks of the runtime about the whole run (a source it could not read), shown at the top.
    var notes: [String] = []

    /// The title: the notebook's `# ` heading, else the study's name.
    var title: String { source.title.isEmpty ? study : source.title }

    /// The summary the index of studies lists.
    var summary: StudySummary {
        let status: StudySummary.Status
        var failedCell: String?
        switch state {
        case .running: status = .running
        case .finished: status = .complete
        case .failed(let cell): (status, failedCell) = (.failed, cell)
        case .interrupted(let cell): (status, failedCell) = (.interrupted, cell)
        }
        return StudySummary(
            study: study, title: title, status: status, failedCell: failedCell, headline: headline,
            profile: parameters.profile, seed: parameters.seed, startedAt: startedAt, duration: duration)
    }
}
