// The report a run starts from, kept aside so that a run whose final report cannot be written (a
// full disk) puts it back instead of leaving its own "not run yet" page in its place. A run
// rewrites its report from its first moment (so a run killed in its first cell still leaves
// one), which on a nearly full disk can succeed at the start and fail at the end.
import Foundation

/// Hard links to a study folder's report, summary and figures, taken when a run starts.
///
/// Links cost no disk space and putting one back is a rename, which needs none either: both
/// work on a full disk. Only the run holding the study's lock (`StudyLock`) may use it.
struct LastGoodReport {
    /// The folder of the links inside the study folder.
    static let folderName = ".last-good"

    private let studyFolder: URL
    private var kept: URL { studyFolder.appendingPathComponent(Self.folderName) }
    /// Study-relative paths of the files linked.
    private(set) var files: [String] = []

    /// Links the report, the summary and the figures now in `studyFolder` (replacing links an
    /// earlier run left when it was killed). Keeps nothing when there is no report, or when
    /// the links cannot be made; the run then goes on as before.
    init(keepingIn studyFolder: URL) {
        self.studyFolder = studyFolder
        let manager = FileManager.default
        try? manager.removeItem(at: kept)
        guard manager.fileExists(atPath: studyFolder.appendingPathComponent("index.html").path) else { return }
        let figures = (try? manager.contentsOfDirectory(atPath: studyFolder.appendingPathComponent("figures").path)) ?? []
        let candidates = ["index.html", StudySummary.fileName] + figures.filter { $0.hasSuffix(".png") }.map { "figures/" + $0 }
        do {
            try manager.createDirectory(at: kept.appendingPathComponent("figures"), withIntermediateDirectories: true)
            for file in candidates where manager.fileExists(atPath: studyFolder.appendingPathComponent(file).path) {
                guard link(studyFolder.appendingPathComponent(file).path, kept.appendingPathComponent(file).path) == 0
                else { throw NotebookError.cannotWrite(path: file, reason: String(cString: strerror(errno))) }
                files.append(file)
            }
        } catch {
            try? manager.removeItem(at: kept)
            files = []
        }
    }

    /// Puts the kept files back over this run's (a rename each) and drops the links; true if
    /// there was a report to put back and every file went back.
    func restore() -> Bool {
        guard !files.isEmpty else { return false }
        var restored = true
        for file in files where rename(kept.appendingPathComponent(file).path, studyFolder.appendingPathComponent(file).path) != 0 {
            restored = false
        }
        discard()
        return restored
    }

    /// Drops the links (the files they point to stay as they are).
    func discard() {
        try? FileManager.default.removeItem(at: kept)
    }
}
