// What a learner job's trainer measures and its per-round hook keeps: each fit's cost, its CPU
// seconds. A trainer returns only the model, so it appends what it measured here, and the job's
// `afterRound` drains the round's entries into its checkpointed notes.
import Foundation

/// Entries a job's trainer records during a round, taken by the job's `afterRound` hook.
///
/// ```swift
/// let fits = RoundLog<Double>()                      // seconds of each fit
/// LearnerJob(…, train: { progress in { set, generator in
///         let history = try model.fit(set, …); fits.append(history.seconds); return model } },
///     notes: [Double](), afterRound: { _, seconds in seconds += fits.drain() })
/// ```
/// Give each job its own log. Appending and draining are safe from any thread.
public final class RoundLog<Entry>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Entry] = []

    /// An empty log.
    public init() {}

    /// Records `entry` (the trainer, as it finishes a fit).
    public func append(_ entry: Entry) { lock.withLock { entries.append(entry) } }

    /// The entries recorded since the last drain, oldest first; the log is left empty. A round
    /// that trained twice (a resumed round retraining the previous model first) gives two.
    public func drain() -> [Entry] {
        lock.withLock {
            defer { entries = [] }
            return entries
        }
    }
}
