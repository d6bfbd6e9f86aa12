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

    /// Every summary under `output` (one folder per study, a folder per profile other than
    /// standard inside it), sorted by title, then paper, standard, quick; unreadable ones, and
    /// ones not where their profile's report belongs, are skipped.
    static func all(in output: URL) -> [StudySummary] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        let found = folders.flatMap { folder in
            Profile.allCases.compactMap { profile -> StudySummary? in
                let url = output.appendingPathComponent(profile.reportFolder(of: folder)).appendingPathComponent(
                    fileName)
                guard let data = FileManager.default.contents(atPath: url.path),
                    let summary = try? CacheCoding.decoder.decode(StudySummary.self, from: data),
                    summary.study == folder, summary.profile == profile
                else { return nil }
                return summary
            }
        }
        return found.sorted { a, b in
            let order = a.title.localizedStandardCompare(b.title)
            if order != .orderedSame { return order == .orderedAscending }
            if a.study != b.study { return a.study < b.study }
            return a.profile.listingOrder < b.profile.listingOrder
        }
    }

    /// The report's path relative to the output folder.
    var reportPath: String { profile.reportFolder(of: study) + "/index.html" }
}
