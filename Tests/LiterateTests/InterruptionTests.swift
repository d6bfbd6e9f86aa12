// Ctrl-C stops a run at its next safe point with a partial report marked interrupted and status
// 130: between cells, or in a cell right after its checkpoint is saved, from which the next run
// resumes. (A real SIGINT is not sent here: it would reach the test runner. Tests request the
// stop the way the signal handler does.)
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct InterruptionTests {
    static let twoCells = """
        //: # Two
        //: ## First
        try notebook.cell("First", cached: true) { print("first ran") }
        //: ## Second
        try notebook.cell("Second") { print("second ran") }
        """

    @Test func anInterruptBetweenCellsWritesAPartialReportAndExits130() throws {
        let folder = ScratchFolder()
        var secondRan = false
        let status = folder.run(Self.twoCells) { notebook in
            try notebook.cell("First", cached: true) { print("first ran") }
            notebook.interruption.request(SIGINT)
            try notebook.cell("Second") { secondRan = true }
        }
        #expect(status == 130)
        #expect(!secondRan)
        let report = folder.report
        #expect(report.contains("<b>⏸ Interrupted</b> between cells · partial report: 1 of 2 cells done"))
        #expect(report.contains("first ran"))
        #expect(report.contains("<span class=\"cell-title\">Second</span><span class=\"cell-meta\"><span class=\"badge not-run\">not run</span>"))
        let summary = try CacheCoding.decoder.decode(StudySummary.self, from: Data(folder.read("Demo/summary.json").utf8))
        #expect(summary.status == .interrupted)
        #expect(folder.read("index.html").contains("⏸ interrupted"))

        var ran: [String] = []
        let rerun = folder.run(Self.twoCells) { notebook in
            try notebook.cell("First", cached: true) { ran.append("First") }
            try notebook.cell("Second") { ran.append("Second") }
        }
        #expect(rerun == 0)
        #expect(ran == ["Second"], "the finished cached cell replays")
    }

    @Test func anInterruptInACheckpointedCellStopsAfterTheSaveAndTheNextRunResumes() {
        struct Loop: Codable {
            var round = 0
        }
        let folder = ScratchFolder()
        let source = #"let rounds = try notebook.cell("Loop", cached: true) {}"#
        func loop(interruptAt stop: Int?) -> (status: Int32, startedAt: Int?, rounds: [Int]) {
            var startedAt: Int?
            var rounds: [Int] = []
            let status = folder.run(source) { notebook in
                try notebook.cell("Loop", cached: true) {
                    let checkpoint = notebook.checkpoint(Loop.self)
                    var state = checkpoint.restore() ?? Loop()
                    startedAt = state.round
                    while state.round < 5 {
                        rounds.append(state.round)
                        state.round += 1
                        if state.round == stop { notebook.interruption.request(SIGINT) }
                        try checkpoint.save(state)
                    }
                }
            }
            return (status, startedAt, rounds)
        }
        let interrupted = loop(interruptAt: 3)
        #expect(interrupted.status == 130)
        #expect(interrupted.rounds == [0, 1, 2])
        #expect(folder.report.contains("<b>⏸ Interrupted</b> in <a href=\"#failed-cell\">Loop</a>"))
        #expect(folder.report.contains("<span class=\"badge interrupted\">interrupted</span>"))
        #expect(!folder.report.contains("badge failed"))

        let resumed = loop(interruptAt: nil)
        #expect(resumed.status == 0)
        #expect(resumed.startedAt == 3)
        #expect(resumed.rounds == [3, 4])
    }

    @Test func anInterruptedRunExitsWith128PlusTheSignal() {
        let interruption = Interruption()
        #expect(interruption.signal == nil)
        interruption.request(SIGTERM)
        interruption.request(SIGINT)
        #expect(interruption.signal == SIGTERM)
        #expect(interruption.exitStatus == 143)
    }
}
