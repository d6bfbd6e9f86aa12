// Progress a long cell saves as it goes (a round of an active-learning loop, say), so that a run
// killed in round 40 of 98 resumes at round 40. A checkpoint is keyed like its cell: edit the
// cell or anything above it and the old checkpoint no longer applies.
import Foundation

/// The saved progress of the running cell.
///
/// ```swift
/// let curve = try notebook.cell("Acquire 98 batches", cached: true) {
///     let checkpoint = notebook.checkpoint(LoopState.self)
///     var state = checkpoint.restore() ?? LoopState()
///     while state.round < 98 {
///         …                                  // one round of work
///         state.round += 1
///         try checkpoint.save(state)
///     }
///     return state.curve
/// }
/// ```
/// The checkpoint is deleted when the cell finishes; `--fresh` ignores saved ones.
public struct Checkpoint<State: Codable> {
    private struct Saved: Codable {
        var savedAt: Date
        var state: State
    }

    let url: URL
    let ignoresSaved: Bool
    /// The run's interruption, read after each save (nil: never stop).
    var interruption: Interruption? = nil

    /// The state last saved by an earlier run of this very cell (same code, code above it and
    /// parameters), or nil: none saved, `--fresh`, or a file that cannot be read. It prints a
    /// line saying which (the cell's output, so the report tells too).
    public func restore() -> State? {
        guard !ignoresSaved, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            let saved = try CacheCoding.decoder.decode(Saved.self, from: data)
            print("Resumed from a checkpoint saved \(ReportFormat.dateTime(saved.savedAt)).")
            return saved.state
        } catch {
            print("Ignored an unreadable checkpoint (\(CacheCoding.describe(error))); starting over.")
            return nil
        }
    }

    /// Saves `state` atomically, replacing the previous one. Throws `NotebookError` when the
    /// state cannot be encoded or written, and `NotebookInterrupted` after saving it when Ctrl-C
    /// has asked the run to stop (let it propagate: the cell resumes from `state` next time).
    public func save(_ state: State) throws {
        let data: Data
        do {
            data = try CacheCoding.encoder.encode(Saved(savedAt: Date(), state: state))
        } catch {
            throw NotebookError.cannotCache(
                cell: "checkpoint \(url.lastPathComponent)", reason: CacheCoding.describe(error))
        }
        try AtomicFile.write(data, to: url)
        if interruption?.signal != nil { throw NotebookInterrupted() }
    }
}
