// Repeats of a whole protocol that are not one active learner each (a random draw of the data, a
// rerun with the sums reordered): run one after another, the finished ones checkpointed, so a
// killed cell resumes at the repeat it reached instead of starting over.

/// Runs `count` independent trials one after another and returns their results in trial order.
/// After each trial the results so far are saved, so a killed cell resumes at the first
/// unfinished trial; restored trials count as done on the bar and are shown again.
///
/// ```swift
/// let draws = try ResumableTrials<DrawResult>("Draws", count: plan.draws).run(in: notebook) { index, result in
///     print("draw \(index + 1): \(result)")              // every trial, restored or new, in order
/// } trial: { index in
///     var generator = notebook.generator("draw \(index)")
///     return try runPipeline(randomDraw(using: &generator))
/// }
/// ```
/// A trial must take its randomness from its own stream (named by its index), so that a resumed
/// run gives the results an uninterrupted one would.
public struct ResumableTrials<Result: Codable> {
    /// The bar's label ("Draws").
    public var label: String
    /// Trials in all.
    public var count: Int

    /// `count` trials under the bar label `label`.
    public init(_ label: String, count: Int) {
        precondition(count >= 0, "a run of trials needs a count of 0 or more, got \(count) for \(label)")
        self.label = label
        self.count = count
    }

    /// Runs the trials not yet finished in the running cell's checkpoint, reporting to the
    /// notebook's bar. Call it inside the cell whose result it computes.
    @MainActor public func run(
        in notebook: Notebook, finished: (_ index: Int, _ result: Result) -> Void = { _, _ in },
        trial: (_ index: Int) throws -> Result
    ) throws -> [Result] {
        let checkpoint = notebook.checkpoint([Result].self, name: "trials")
        return try run(
            restored: checkpoint.restore() ?? [], save: checkpoint.save, progress: notebook.progress,
            finished: finished, trial: trial)
    }

    /// Runs trials `restored.count`, …, `count - 1` after the `restored` ones (extra restored
    /// results beyond `count` are dropped), calling `save` with all results after each trial and
    /// `finished` for every trial in order, restored ones first. Throws the first error of a
    /// trial or of a save (a notebook's interruption, after saving).
    public func run(
        restored: [Result], save: ([Result]) throws -> Void, progress: any ProgressObserver,
        finished: (_ index: Int, _ result: Result) -> Void = { _, _ in }, trial: (_ index: Int) throws -> Result
    ) throws -> [Result] {
        var results = Array(restored.prefix(count))
        progress.begin(label, total: count)
        if !results.isEmpty { progress.resume(completed: results.count) }
        for (index, result) in results.enumerated() { finished(index, result) }
        while results.count < count {
            results.append(try trial(results.count))
            try save(results)
            progress.update(completed: results.count, detail: "")
            finished(results.count - 1, results[results.count - 1])
        }
        progress.end(summary: "")
        return results
    }
}
