// The progress line: nested work shown as one bar over the outermost work, an ETA, and a bar
// that never runs backwards when nested work ends.
import Foundation
import Testing

@testable import Literate

@Suite struct ProgressTests {
    /// A progress observer on a clock the test moves.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 0)
    }

    @Test func nestedWorkIsOneBarWithTheInnerWorksShare() {
        let clock = Clock()
        let progress = TerminalProgress(terminal: Terminal(), now: { clock.now })
        progress.begin("Rounds", total: 4)
        progress.update(completed: 1, detail: "")
        progress.begin("Epochs", total: 10)
        clock.now += 30
        progress.update(completed: 5, detail: "loss 0.3")
        // 1 of 4 rounds and half of the next: 37.5 % in 30 s, so 50 s left.
        #expect(
            progress.line(at: clock.now).hasPrefix(TerminalProgress.bar(0.375, width: 16) + " 37% 0:30, ~0:50 left"))
        #expect(progress.line(at: clock.now).hasSuffix("Rounds 1/4 · Epochs 5/10 · loss 0.3"))
        progress.end(summary: "")
        #expect(progress.line(at: clock.now).contains(" 50% "))
        progress.end(summary: "")
        #expect(progress.line(at: clock.now) == "")
    }

    @Test func resumedStepsCountAsDoneButNotInTheETA() {
        let clock = Clock()
        let progress = TerminalProgress(terminal: Terminal(), now: { clock.now })
        progress.begin("Runs", total: 10)
        progress.resume(completed: 6)
        progress.begin("Round", total: 4)
        progress.resume(completed: 2)
        #expect(progress.line(at: clock.now).hasPrefix(TerminalProgress.bar(0.65, width: 16) + " 65% 0:00 · "))
        clock.now += 40
        progress.update(completed: 3, detail: "")
        // 65 % came from the checkpoint; this run did 2.5 % in 40 s, so the 32.5 % left take 8:40
        // (counting the restored steps as this run's work would say 0:21).
        #expect(progress.line(at: clock.now).hasPrefix(TerminalProgress.bar(0.675, width: 16) + " 67% 0:40, ~8:40 left"))
        progress.end(summary: "")
        progress.end(summary: "")
        progress.begin("Next", total: 2)
        clock.now += 10
        progress.update(completed: 1, detail: "")
        #expect(progress.line(at: clock.now).contains(" 50% 0:10, ~0:10 left"))
    }

    @Test(arguments: [(0.0, "▕░░░░▏"), (0.5, "▕██░░▏"), (0.6, "▕██▍░▏"), (1.0, "▕████▏"), (1.7, "▕████▏")])
    func barsFillByEighths(fraction: Double, bar: String) {
        #expect(TerminalProgress.bar(fraction, width: 4) == bar)
    }

    @Test(arguments: [(0.4, "0:00"), (42, "0:42"), (725, "12:05"), (3727, "1:02:07")])
    func clockTimesReadLikeAStopwatch(seconds: Double, text: String) {
        #expect(TerminalProgress.clock(seconds) == text)
    }

    @Test(arguments: [(0.042, "0.04 s"), (3.24, "3.2 s"), (41.4, "41 s"), (725, "12 min 05 s"), (7380, "2 h 03 min")])
    func durationsAreShortAndHuman(seconds: Double, text: String) {
        #expect(ReportFormat.duration(seconds) == text)
    }

    @Test(arguments: [
        ("10%\r20%\r30%\nnext\n", "30%\nnext\n"), ("\u{1B}[1;31mred\u{1B}[0m text", "red text"), ("a\r\nb", "a\nb"),
        ("done\r", "done"),
    ])
    func capturedTextReadsAsTheTerminalLeftIt(raw: String, settled: String) {
        #expect(TerminalText.settled(raw) == settled)
    }
}
