// The few facts about a study's last run that the index of all studies lists: kept as a small
// JSON file in the study's folder, so the index can be rebuilt from every study's summary.
import Foundation

/// A study's last run, in brief: `<output>/<Study>/summary.json`.
struct StudySummary: Codable, Equatable {
    /// How the run ended.
    enum Status: String, Codable {
        /// Still running, or killed before it finished.
        case running
        /// Every cell ran or replayed.
        case complete
        /// A cell failed; the cells after it did not run.
        case failed
        /// Ctrl-C stopped the run; the report is partial.
        case interrupted
    }

    /// The study's folder name (the notebook's target).
    var study: String
    /// The report's title.
    var title: String
    var status: Status
    /// The cell that failed, or that was running when the run was interrupted, if any.
    var failedCell: String?
    /// What the notebook called its headline result, if it did.
    var headline: String?
    var profile: Profile
    var seed: UInt64
    /// When the run started, and how many seconds it took.
    var startedAt: Date
    var duration: Double

    static let fileName = "summary.json"

    /// Every summary under `output` (one folder per study), sorted by title; unreadable ones
    /// are skipped.
    static func all(in output: URL) -> [StudySummary] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        return folders.compactMap { folder in
            let url = output.appendingPathComponent(folder).appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return try? CacheCoding.decoder.decode(StudySummary.self, from: data)
        }.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
    }
}
