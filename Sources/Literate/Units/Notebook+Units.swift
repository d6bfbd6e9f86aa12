// Declaring the units of the running cell, and ending a shard's run once its units are stored.
import Foundation

extension Notebook {
    /// The units named `names` of the running cell, whose results are `Result`s.
    ///
    /// ```swift
    /// let finished = try notebook.cell("Run the trials", cached: true) {
    ///     let units = notebook.units((0..<trials).map { "trial \($0 + 1)" }, of: TrialResult.self)
    ///     for index in units.toCompute() { try units.store(runTrial(index), index, wallSeconds: …, cpuSeconds: …) }
    ///     return try units.results { index in try units.store(runTrial(index), index, …) }
    /// }
    /// ```
    /// Each unit is stored under the cell's key without `--trials` and the unit's name, so a run
    /// with more trials computes only the new ones. Under `--shard i/n` the cell computes only
    /// its share and `results` ends the run (status 0) with a line saying how many units exist;
    /// a plain run computes what is missing and goes on; a `--merge` run computes nothing and
    /// fails, naming the missing units, if any is. `--fresh` ignores stored units.
    public func units<Result: Codable>(_ names: [String], of type: Result.Type) -> CellUnits<Result> {
        guard let index = runningCell else {
            preconditionFailure("notebook.units(…) called outside a cell: call it inside the cell they make up")
        }
        var folder: URL?
        if var ingredients = records[index].ingredients {
            ingredients.parameters.trials = nil
            folder = cache.folder.appendingPathComponent("units").appendingPathComponent(String(ingredients.key.prefix(32)))
        }
        return CellUnits(
            names: names, folder: folder, cell: records[index].title, shard: setup.options.shard, ignoresStored: fresh,
            interruption: interruption, merging: setup.options.merge ? setup.mergeCommand : nil)
    }

    /// Ends a shard's run after the cell of record `index` stored its units: says what is stored
    /// and what merges it, then exits 0 (an embedded notebook returns the error to throw).
    func stop(shardFinished finished: ShardFinished, in index: Int) -> Error {
        records[index].status = .ran
        state = .finished
        say("\(study): \(finished); run `\(setup.mergeCommand)` to compute what is missing and write the report")
        if mode == .process { Foundation.exit(0) }
        return NotebookStopped()
    }
}
