// Repeats of a whole protocol that are not one active learner each (a random draw of the data, a
// rerun with the sums reordered): each a unit of the running cell, so a killed cell resumes at
// the repeat it reached, more repeats compute only the new ones, and shards share them out.

/// Runs `count` independent trials one after another and returns their results in trial order.
/// In a notebook each trial is a unit of the running cell (`Notebook.units`, named "Draws 3"):
/// stored as it finishes, so a killed cell resumes at the first unfinished trial, more trials
/// compute only the new ones, and `--shard` shares them between processes. Stored trials count
/// as done on the bar and are shown again.
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

    /// Runs the trials not yet stored as units of the running cell, reporting to the notebook's
    /// bar, calls `finished` for every trial in order once all exist, and shows where each ran.
    /// Call it inside the cell whose result it computes.
    @MainActor public func run(
        in notebook: Notebook, finished: (_ index: Int, _ result: Result) -> Void = { _, _ in },
        trial: (_ index: Int) throws -> Result
    ) throws -> [Result] {
        let units = notebook.units((0..<count).map { "\(label) \($0 + 1)" }, of: Result.self)
        defer { units.releaseClaims() }
        let progress = notebook.progress
        progress.begin(label, total: count)
        var done = units.storedCount
        if done > 0 { progress.resume(completed: done) }
        func compute(_ index: Int) throws {
            let stopwatch = Stopwatch()
            let result = try trial(index)
            try units.store(result, index, wallSeconds: stopwatch.wallSeconds, cpuSeconds: stopwatch.cpuSeconds)
            done += 1
            progress.update(completed: done, detail: "")
        }
        for index in units.toCompute() { try compute(index) }
        let results = try units.results(computing: compute)
        progress.end(summary: "")
        for (index, result) in results.enumerated() { finished(index, result) }
        try notebook.show(units.table(title: "Where the \(count) \(label.lowercased()) ran"))
        return results
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
