// A report or cache entry that cannot be written: one line, the files that were there stay as
// they were, no temporary file stays behind, and the run's status says so. (A full disk is
// simulated here by a file that cannot be replaced; a real one was tried on a small tmpfs.)
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct OutputFailureTests {
    @Test func aFailedAtomicWriteLeavesWhatWasThereAndNoTemporaryFile() throws {
        let folder = ScratchFolder()
        let target = folder.url.appendingPathComponent("entry.json")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: NotebookError.self) { try AtomicFile.write(Data("new".utf8), to: target) }
        #expect(throws: NotebookError.self) {
            try AtomicFile.replace(target) { try Data("new".utf8).write(to: URL(fileURLWithPath: $0)) }
        }
        #expect(folder.list("") == ["entry.json"])
        #expect(folder.list("entry.json") == ["inside"])
    }

    @Test func aReportThatCannotBeWrittenIsSaidOnceAndTheRunExits74WithItsCacheKept() throws {
        let folder = ScratchFolder()
        let source = #"try notebook.cell("Kept", cached: true) {}"#
        #expect(folder.run(source) { try $0.cell("Kept", cached: true) { print("kept") } } == 0)
        let entries = folder.list("Demo/.cache").filter { $0.hasSuffix(".json") }
        #expect(entries.count == 1)
        // The index of all studies can no longer be replaced: the last file the report writes.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("index.html/x"), withIntermediateDirectories: true)
        var ran = false
        #expect(folder.run(source) { try $0.cell("Kept", cached: true) { ran = true } } == 74)
        #expect(!ran, "the cached cell still replays")
        #expect(folder.list("Demo/.cache").filter { $0.hasSuffix(".json") } == entries)
        #expect(folder.list("").allSatisfy { !AtomicFile.isPartial($0) })
    }

    @Test func aCacheEntryThatCannotBeWrittenIsNotedAndTheRunGoesOn() throws {
        let folder = ScratchFolder()
        let source = #"let n = try notebook.cell("Counted", cached: true) { 1 }"#
        var runs = 0
        func run() -> Int32 {
            folder.run(source) { notebook in
                _ = try notebook.cell("Counted", cached: true) { () -> Int in
                    runs += 1
                    return runs
                }
            }
        }
        #expect(run() == 0)
        let entry = try #require(folder.list("Demo/.cache").first { $0.hasSuffix(".json") })
        let path = folder.url.appendingPathComponent("Demo/.cache/\(entry)")
        try FileManager.default.removeItem(at: path)
        try FileManager.default.createDirectory(at: path.appendingPathComponent("x"), withIntermediateDirectories: true)
        #expect(run() == 0)
        #expect(runs == 2)
        #expect(folder.report.contains("Not cached: cannot write \(path.path): "))
        #expect(folder.list("Demo/.cache").filter { $0.hasSuffix(".json") } == [entry])
    }
}
