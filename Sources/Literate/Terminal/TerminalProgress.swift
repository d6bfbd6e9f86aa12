// The progress bar of long work (rounds, epochs, Monte Carlo passes) on the terminal: one line
// redrawn in place with an ETA when standard error is a terminal, a plain line every ten seconds
// at most when it is not (a log file). The bar never reaches the report; only the summaries
// passed to `end(summary:)` do, printed as ordinary output of the cell.
import Foundation

/// A progress bar drawing nested work as one terminal line:
/// `▕██████░░░░░░░░▏ 38% 1:05, ~1:47 left · Round 3/9 · Epochs 12/40 · loss 0.312`.
/// Safe to call from any thread. StudyKit makes it a Learning `ProgressObserver`, so training and
/// active learners can report to it.
public final class TerminalProgress: @unchecked Sendable {
    private struct Level {
        var label: String
        var total: Int
        var completed = 0
        var detail = ""
        var started: Date
        /// `completed` when the work nested in this level's current step began.
        var completedAtInnerBegin = 0
    }

    private let terminal: Terminal
    private let now: () -> Date
    private let lock = NSLock()
    private var levels: [Level] = []
    private var lastDrawn = Date.distantPast
    private var lastLogged: Date
    /// The share of the outermost work done when this run last resumed work restored from a
    /// checkpoint, and when: the ETA extrapolates only from what this run did since.
    private var resumed: (fraction: Double, at: Date)?

    /// Called after every `begin`, `update` and `end`, on the caller's thread, outside the
    /// lock: the notebook stops an interrupted run there. Set once, before any work.
    var safePoint: (@Sendable () -> Void)?

    /// Seconds between plain lines when the terminal cannot redraw.
    static let logInterval = 10.0
    /// Seconds between redraws of the bar.
    static let drawInterval = 0.1

    init(terminal: Terminal, now: @escaping () -> Date = Date.init) {
        self.terminal = terminal
        self.now = now
        lastLogged = now()
    }

    public func begin(_ label: String, total: Int) {
        lock.lock()
        if !levels.isEmpty { levels[levels.count - 1].completedAtInnerBegin = levels[levels.count - 1].completed }
        if levels.isEmpty { resumed = nil }
        levels.append(Level(label: label, total: max(total, 0), started: now()))
        refresh(force: true)
        lock.unlock()
        safePoint?()
    }

    public func update(completed: Int, detail: String) {
        lock.lock()
        if !levels.isEmpty {
            levels[levels.count - 1].completed = completed
            levels[levels.count - 1].detail = detail
            refresh(force: false)
        }
        lock.unlock()
        safePoint?()
    }

    public func resume(completed: Int) {
        lock.lock()
        if !levels.isEmpty {
            levels[levels.count - 1].completed = completed
            levels[levels.count - 1].detail = "resumed"
            resumed = (fractionDone(), now())
            refresh(force: true)
        }
        lock.unlock()
        safePoint?()
    }

    public func end(summary: String) {
        lock.lock()
        if !levels.isEmpty { levels.removeLast() }
        if levels.isEmpty { resumed = nil }
        if let parent = levels.indices.last {
            // The nested work was one step of its parent: count it before the parent says so,
            // so the bar never moves backwards.
            levels[parent].completed = min(
                max(levels[parent].completed, levels[parent].completedAtInnerBegin + 1), levels[parent].total)
        } else {
            terminal.showBar("")
        }
        lock.unlock()
        if !summary.isEmpty {
            print(summary)
            fflush(nil)
        }
        lock.lock()
        refresh(force: true)
        lock.unlock()
        safePoint?()
    }

    /// Takes the bar off the terminal for good (the run is ending early).
    func removeBar() {
        lock.lock()
        levels.removeAll()
        resumed = nil
        lock.unlock()
        terminal.showBar("")
    }

    /// The line describing the work at `time` ("" when no work is under way).
    func line(at time: Date) -> String {
        guard let outer = levels.first else { return "" }
        let fraction = fractionDone()
        let elapsed = time.timeIntervalSince(outer.started)
        var timing = "\(Int((fraction * 100).rounded(.down)))% \(Self.clock(elapsed))"
        let (doneBefore, since) = resumed ?? (0, outer.started)
        let (doneHere, working) = (fraction - doneBefore, time.timeIntervalSince(since))
        if doneHere > 0.001, working > 1 {
            timing += ", ~\(Self.clock(working * (1 - fraction) / doneHere)) left"
        }
        let steps = levels.map { "\($0.label) \($0.completed)/\($0.total)" }
        let detail = levels.last.map(\.detail).flatMap { $0.isEmpty ? nil : $0 }
        let text = ([Self.bar(fraction, width: 16) + " " + timing] + steps + (detail.map { [$0] } ?? []))
            .joined(separator: " · ")
        return text.count < terminal.width ? text : String(text.prefix(terminal.width - 2)) + "…"
    }

    /// The share of the outermost work done, counting the inner work's share of its next step.
    private func fractionDone() -> Double {
        var fraction = 0.0
        for level in levels.reversed() {
            guard level.total > 0 else {
                fraction = 0
                continue
            }
            fraction = min(1, (Double(min(level.completed, level.total)) + fraction) / Double(level.total))
        }
        return fraction
    }

    private func refresh(force: Bool) {
        let time = now()
        if terminal.isInteractive {
            guard force || time.timeIntervalSince(lastDrawn) >= Self.drawInterval else { return }
            lastDrawn = time
            terminal.showBar(line(at: time))
        } else if !levels.isEmpty, time.timeIntervalSince(lastLogged) >= Self.logInterval {
            lastLogged = time
            terminal.say(line(at: time))
        }
    }

    /// `▕████░░░░▏` for `fraction` in `width` characters (eighths of a cell in the last one).
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded(.down))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let full = String(repeating: "█", count: eighths / 8)
        let rest = String(repeating: "░", count: width - eighths / 8 - (partial.isEmpty ? 0 : 1))
        return "▕" + full + partial + rest + "▏"
    }

    /// "0:42", "12:05", "1:02:07".
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }
}
