// Long runs train hundreds of models: each training's and each round's summary line would bury
// the report, while the bar is worth keeping on the terminal.

/// A progress observer that forwards everything to `bar` but drops the summary lines: the bar
/// moves as before, the report keeps none of the nested work's summaries.
///
/// ```swift
/// try model.fit(set, epochs: 50, generator: &generator, progress: notebook.progress.barOnly)
/// ```
public final class BarOnly: ProgressObserver {
    /// The observer drawing the bar (the notebook's terminal progress).
    public let bar: any ProgressObserver

    /// Forwards to `bar`, summaries dropped.
    public init(_ bar: any ProgressObserver) { self.bar = bar }

    public func begin(_ label: String, total: Int) { bar.begin(label, total: total) }
    public func update(completed: Int, detail: String) { bar.update(completed: completed, detail: detail) }
    public func end(summary: String) { bar.end(summary: "") }
    public func resume(completed: Int) { bar.resume(completed: completed) }
}

extension ProgressObserver {
    /// This observer's bar without its summary lines (see `BarOnly`).
    public var barOnly: BarOnly { BarOnly(self) }
}
