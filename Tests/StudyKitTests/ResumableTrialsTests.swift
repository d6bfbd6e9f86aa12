// Trials that resume: a run stopped after its second trial, resumed, ends with the results of an
// uninterrupted run, runs only the trials it had not finished, and shows every trial in order.
import Testing

@testable import StudyKit

/// Records what the bar was told, one string per call.
private final class BarLog: ProgressObserver {
    var calls: [String] = []
    func begin(_ label: String, total: Int) { calls.append("begin \(label) \(total)") }
    func update(completed: Int, detail: String) { calls.append("update \(completed)") }
    func end(summary: String) { calls.append("end \(summary)") }
    func resume(completed: Int) { calls.append("resume \(completed)") }
}

private struct Stop: Error {}

@Suite struct ResumableTrialsTests {
    /// Trial i's result is 10 i + 1: which trials ran is visible in the results.
    private let trials = ResumableTrials<Int>("Draws", count: 4)

    @Test func aFreshRunRunsEveryTrialSavingAfterEach() throws {
        var saved: [[Int]] = []
        var shown: [String] = []
        let bar = BarLog()
        let results = try trials.run(
            restored: [], save: { saved.append($0) }, progress: bar, finished: { shown.append("\($0):\($1)") },
            trial: { 10 * $0 + 1 })
        #expect(results == [1, 11, 21, 31])
        #expect(saved == [[1], [1, 11], [1, 11, 21], [1, 11, 21, 31]])
        #expect(shown == ["0:1", "1:11", "2:21", "3:31"])
        #expect(bar.calls == ["begin Draws 4", "update 1", "update 2", "update 3", "update 4", "end "])
    }

    @Test func aStoppedRunResumesAtTheTrialItReached() throws {
        var saved: [Int] = []
        // the save after trial 2 lands, then the run stops (a notebook's Ctrl-C)
        #expect(throws: Stop.self) {
            _ = try trials.run(
                restored: [],
                save: {
                    saved = $0
                    if $0.count == 2 { throw Stop() }
                }, progress: BarLog(),
                trial: { 10 * $0 + 1 })
        }
        #expect(saved == [1, 11])
        var ran: [Int] = []
        var shown: [Int] = []
        let bar = BarLog()
        let results = try trials.run(
            restored: saved, save: { saved = $0 }, progress: bar, finished: { index, _ in shown.append(index) },
            trial: {
                ran.append($0)
                return 10 * $0 + 1
            })
        #expect(results == [1, 11, 21, 31])
        #expect(ran == [2, 3])
        #expect(shown == [0, 1, 2, 3])
        #expect(bar.calls == ["begin Draws 4", "resume 2", "update 3", "update 4", "end "])
    }

    @Test func restoredResultsBeyondTheCountAreDropped() throws {
        let results = try ResumableTrials<Int>("Draws", count: 2).run(
            restored: [1, 11, 21], save: { _ in Issue.record("nothing left to save") }, progress: BarLog(),
            trial: { _ in
                Issue.record("nothing left to run")
                return 0
            })
        #expect(results == [1, 11])
    }
}
