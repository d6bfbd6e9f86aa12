// The notebook's terminal bar is where training and active learners report: Literate knows
// nothing of Learning, so the two meet here.

/// The terminal bar takes Learning's progress reports (its `begin`, `update`, `end` and
/// `resume` already have `ProgressObserver`'s shape, and are safe from any thread).
extension TerminalProgress: ProgressObserver {}
