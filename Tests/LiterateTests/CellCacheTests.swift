// Cached cells: a second run replays them, an edit runs the edited cell and those below it, a
// corrupt or torn entry is ignored with a note, a killed run's leftovers harm nothing, and a
// checkpointed cell resumes where it stopped.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct CellCacheTests {
    static let source = """
        //: # Cached
        //: ## One
        let one = try notebook.cell("One", cached: true) { 20 }
        //: ## Two
        let two = try notebook.cell("Two", cached: true) { one + 1 }
        """

    /// Runs the two cached cells of `source`; returns the status, which cells' bodies ran,
    /// and the values.
    static func run(
        _ folder: ScratchFolder, source: String = source, _ arguments: [String] = []
    ) -> (status: Int32, ran: [String], values: [Int]) {
        var ran: [String] = []
        var values: [Int] = []
        let status = folder.run(source, arguments) { notebook in
            let one = try notebook.cell("One", cached: true) { () -> Int in
                ran.append("One")
                print("one printed this")
                try notebook.show(DotFigure(title: "One's dot"))
                return 20
            }
            let two = try notebook.cell("Two", cached: true) { () -> Int in
                ran.append("Two")
                return one + 1
            }
            values = [one, two]
        }
        return (status, ran, values)
    }

    /// The cache entry files of the study.
    static func entries(_ folder: ScratchFolder) -> [String] {
        folder.list("Demo/.cache").filter { $0.hasSuffix(".json") && !$0.contains("checkpoint") }
    }

    @Test func aSecondRunReplaysOutputFiguresAndValues() throws {
        let folder = ScratchFolder()
        #expect(Self.run(folder).ran == ["One", "Two"])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("Demo/figures"))
        let second = Self.run(folder)
        #expect(second.status == 0)
        #expect(second.ran == [])
        #expect(second.values == [20, 21])
        #expect(folder.report.contains("one printed this"))
        #expect(folder.report.contains("from cache"))
        #expect(folder.list("Demo/figures") == ["one-1.png"])
    }

    @Test func editingACellRunsItAndTheCellsBelowButNotThoseAbove() {
        let folder = ScratchFolder()
        _ = Self.run(folder)
        let edited = Self.source.replacingOccurrences(of: "{ one + 1 }", with: "{ one + 2 }")
        #expect(Self.run(folder, source: edited).ran == ["Two"])
        let editedFirst = Self.source.replacingOccurrences(of: "{ 20 }", with: "{ 30 }")
        #expect(Self.run(folder, source: editedFirst).ran == ["One", "Two"])
        let proseOnly = Self.source.replacingOccurrences(of: "//: ## Two", with: "//: ## Two, better worded")
        #expect(Self.run(folder, source: proseOnly).ran == [])
    }

    @Test func cachedCellsMayReturnNothingOrASingleExpression() {
        let folder = ScratchFolder()
        let source = """
            try notebook.cell("Nothing", cached: true) { print("side effect") }
            let answer = try notebook.cell("Expression", cached: true) { 6 * 7 }
            """
        for _ in 1...2 {
            var answer = 0
            let status = folder.run(source) { notebook in
                try notebook.cell("Nothing", cached: true) { print("side effect") }
                answer = try notebook.cell("Expression", cached: true) { 6 * 7 }
            }
            #expect(status == 0)
            #expect(answer == 42)
            #expect(folder.report.contains("side effect"))
        }
        #expect(Self.entries(folder).count == 2)
    }

    @Test func freshAndOtherParametersRunEverything() {
        let folder = ScratchFolder()
        _ = Self.run(folder)
        #expect(Self.run(folder, ["--fresh"]).ran == ["One", "Two"])
        #expect(Self.run(folder, ["--seed", "1"]).ran == ["One", "Two"])
        #expect(Self.run(folder, ["--seed", "1"]).ran == [])
    }

    @Test(arguments: ["", "{\"title\": \"One\", \"ranAt\": 0, \"dur", "not json at all", "{\"value\": \"a string\"}"])
    func aCorruptOrTornEntryIsIgnoredWithANote(contents: String) throws {
        let folder = ScratchFolder()
        _ = Self.run(folder)
        for entry in Self.entries(folder) {
            try Data(contents.utf8).write(to: folder.url.appendingPathComponent("Demo/.cache/\(entry)"))
        }
        let rerun = Self.run(folder)
        #expect(rerun.status == 0)
        #expect(rerun.ran == ["One", "Two"])
        #expect(folder.report.contains("Ignored an unreadable cache entry"))
        #expect(Self.run(folder).ran == [])
    }

    @Test func aKilledRunsLeftoversAreHarmless() throws {
        let folder = ScratchFolder()
        _ = Self.run(folder)
        // What a run killed mid-write leaves: a partial temporary file beside an entry (the
        // entry itself is only ever replaced whole, by rename), from a process long gone.
        let cache = folder.url.appendingPathComponent("Demo/.cache")
        let entry = try #require(Self.entries(folder).first)
        let partial = cache.appendingPathComponent(".\(entry)\(AtomicFile.partialMarker)999999-1")
        try Data("{\"title\": \"One\", \"ite".utf8).write(to: partial)
        let rerun = Self.run(folder)
        #expect(rerun.status == 0)
        #expect(rerun.ran == [])
        #expect(!FileManager.default.fileExists(atPath: partial.path))
    }

    @Test func aCheckpointedCellResumesWhereItStopped() {
        struct Loop: Codable {
            var round = 0
            var log: [Int] = []
        }
        let folder = ScratchFolder()
        let source = #"let log = try notebook.cell("Loop", cached: true) {}"#
        func loop(stoppingAt stop: Int?) -> (status: Int32, startedAt: Int?, log: [Int]) {
            var startedAt: Int?
            var log: [Int] = []
            let status = folder.run(source) { notebook in
                log = try notebook.cell("Loop", cached: true) { () -> [Int] in
                    let checkpoint = notebook.checkpoint(Loop.self)
                    var state = checkpoint.restore() ?? Loop()
                    startedAt = state.round
                    while state.round < 6 {
                        if state.round == stop { throw Boom() }  // as if killed in this round
                        state.log.append(state.round)
                        state.round += 1
                        try checkpoint.save(state)
                    }
                    return state.log
                }
            }
            return (status, startedAt, log)
        }
        #expect(loop(stoppingAt: 4).status == 1)
        let resumed = loop(stoppingAt: nil)
        #expect(resumed.status == 0)
        #expect(resumed.startedAt == 4)
        #expect(resumed.log == [0, 1, 2, 3, 4, 5])
        #expect(folder.report.contains("Resumed from a checkpoint"))
        #expect(!folder.list("Demo/.cache").contains { $0.contains("checkpoint") })
    }

    @Test func aTornCheckpointIsIgnoredWithANote() throws {
        let folder = ScratchFolder()
        var restored: Int? = -1
        let status = folder.run(#"try notebook.cell("Loop", cached: true) {}"#) { notebook in
            try notebook.cell("Loop", cached: true) {
                let checkpoint = notebook.checkpoint(Int.self)
                try AtomicFile.write(Data("{\"savedAt\": 1, \"sta".utf8), to: checkpoint.url)
                restored = checkpoint.restore()
            }
        }
        #expect(status == 0)
        #expect(restored == nil)
        #expect(folder.report.contains("Ignored an unreadable checkpoint"))
    }

    @Test func aCheckpointOfACellWhoseCodeIsUnknownIsNeverResumedAndIsDeletedWhenItEnds() {
        let folder = ScratchFolder()
        var restored: [Int?] = []
        for stop in [true, false] {
            _ = folder.run("") { notebook in  // no source: the cell's code is unknown
                try notebook.cell("Loop") {
                    let checkpoint = notebook.checkpoint(Int.self)
                    restored.append(checkpoint.restore())
                    try checkpoint.save(7)
                    if stop { throw Boom() }  // as if killed after the save
                }
            }
        }
        #expect(restored == [nil, nil], "a state saved under other code or parameters must not come back")
        #expect(folder.list("Demo/.cache") == [])
    }
}
