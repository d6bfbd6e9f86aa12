// A notebook whose source cannot be read (the program moved to another machine), or was edited
// after the program was built, still runs and writes its report, with a note at the top and the
// cache off, so that no result is stored under code that did not make it.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct SourceFileTests {
    @Test func aMissingSourceIsNotedAndTurnsTheCacheOff() {
        let file = SourceFile.read("/no/such/Study/main.swift", executable: nil)
        #expect(file.text == nil)
        #expect(
            file.problem
                == "The notebook's source /no/such/Study/main.swift could not be read (it is not there; was the program "
                + "moved from the machine it was built on?): the report shows no code, and no cell was cached or replayed.")
    }

    @Test func aSourceEditedAfterTheProgramWasBuiltIsNoted() throws {
        let folder = ScratchFolder()
        let source = folder.url.appendingPathComponent("main.swift")
        let program = folder.url.appendingPathComponent("Study")
        try Data("let a = 1\n\u{FF}".utf8 + [0xFF]).write(to: source)
        try Data().write(to: program)
        let built = Date(timeIntervalSinceNow: -60)
        try FileManager.default.setAttributes([.modificationDate: built], ofItemAtPath: program.path)
        let edited = SourceFile.read(source.path, executable: program.path)
        #expect(edited.text?.hasPrefix("let a = 1\n") == true, "invalid UTF-8 is repaired, not refused")
        #expect(edited.problem?.hasPrefix("\(source.path) was edited after this program was built") == true)

        try FileManager.default.setAttributes([.modificationDate: built.addingTimeInterval(-60)], ofItemAtPath: source.path)
        #expect(SourceFile.read(source.path, executable: program.path).problem == nil)
    }

    @Test func aRunWithoutItsSourceWritesItsReportWithTheNoteAndCachesNothing() {
        let folder = ScratchFolder()
        var runs = 0
        for _ in 0..<2 {
            let status = Notebook.run(
                source: nil, sourceNote: "no source <here>", study: "Demo", arguments: ["--output", folder.url.path]
            ) { notebook in
                try notebook.cell("Counted", cached: true) { runs += 1 }
            }
            #expect(status == 0)
        }
        #expect(runs == 2)
        #expect(folder.report.contains("<p class=\"run-note\">no source &lt;here&gt;</p>"))
        #expect(folder.report.contains("<span class=\"cell-title\">Counted</span>"))
        #expect(folder.list("Demo/.cache").filter { $0.hasSuffix(".json") } == [])
    }
}
