/// Receives the progress of long work (epochs of training, rounds of an active-learning loop,
/// Monte Carlo passes) so that it can be shown to a person, for example as a terminal progress
/// bar with an ETA. Work may nest: a round `begin`s, and inside it training `begin`s its epochs.
public protocol ProgressObserver: AnyObject {
    /// Work of `total` steps, named by `label` ("Round 3/9", "Epochs"), begins.
    func begin(_ label: String, total: Int)
    /// `completed` of the innermost work's steps are done; `detail` is a short status
    /// ("loss 0.312, acc 0.894").
    func update(completed: Int, detail: String)
    /// The innermost work is over; `summary` is the one line worth keeping in a report (may be
    /// empty).
    func end(summary: String)
    /// `completed` of the innermost work's steps were done by an earlier, interrupted run (a
    /// checkpoint restored them): count them as done, but not as work this run did, so that an
    /// ETA is not fooled by them.
    func resume(completed: Int)
}

extension ProgressObserver {
    /// Counts the restored steps like any others: right for observers that keep no timing.
    public func resume(completed: Int) { update(completed: completed, detail: "resumed") }
}
