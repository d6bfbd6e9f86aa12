// Two runs of one study at once would overwrite each other's report, figures and checkpoints:
// the second refuses in one line with status 75, and the folder is free again once the first
// has ended.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct StudyLockTests {
    @Test func aSecondRunOfTheSameStudyRefusesWhileTheFirstHoldsTheFolder() throws {
        let folder = ScratchFolder()
        let study = folder.url.appendingPathComponent("Demo")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        guard case .success(let first) = StudyLock.acquire(in: study) else {
            Issue.record("the first lock was refused")
            return
        }
        let made = NotebookSetup.make(
            study: "Demo", sourceText: "", sourcePath: nil, arguments: ["--output", folder.url.path], packageRoot: nil)
        guard case .failure(let exit) = made else {
            Issue.record("a second run was let in")
            return
        }
        #expect(exit.status == 75)
        #expect(
            exit.message
                == "Demo: another run of this study (process \(getpid())) is writing \(study.path): wait for it to end, "
                + "or give this run its own folder with --output")
        var ran = false
        #expect(folder.run("") { _ in ran = true } == 75)
        #expect(!ran)

        first.release()
        #expect(folder.run("") { _ in ran = true } == 0)
        #expect(ran)
    }

    @Test func aRunReleasesTheFolderWhenItEnds() {
        let folder = ScratchFolder()
        #expect(folder.run(#"try notebook.cell("A") {}"#) { try $0.cell("A") { throw Boom() } } == 1)
        #expect(folder.run("") { _ in } == 0)
    }
}
