// "How long until a model that good?": the other half of LabelsToReach when a study times its
// rounds, read off each trial's per-round seconds (wall-clock or CPU) the same way everywhere.

/// The seconds each trial had spent when its first round at or above a target test accuracy
/// ended: the sum of its per-round seconds up to and including that round. Unlike
/// `LabelsToReach` nothing is interpolated: a trial waits for a whole round's trained model.
///
/// ```swift
/// let wall = SecondsToReach(0.5, curves: trials.map(\.curve), secondsPerRound: trials.map(\.wallSeconds))
/// wall.reached   // [182.4, 240.9]: the trials that got there
/// ```
public struct SecondsToReach: Equatable, Sendable {
    /// The target test accuracy, in [0, 1].
    public var target: Double
    /// Per trial, the seconds spent until the round that first reached the target (inclusive),
    /// or nil where no round reached it.
    public var perTrial: [Double?]

    /// Reads the seconds to `target` off each of `curves`, with `secondsPerRound[i]` the seconds
    /// of each round of trial i (one per point of its curve, round 0 first; wall or CPU, in
    /// seconds).
    public init(_ target: Double, curves: [LearningCurve], secondsPerRound: [[Double]]) {
        precondition(
            curves.count == secondsPerRound.count,
            "one list of round seconds per curve: \(curves.count) curves, \(secondsPerRound.count) lists")
        self.target = target
        perTrial = zip(curves, secondsPerRound).map { Self.seconds(toReach: target, curve: $0, secondsPerRound: $1) }
    }

    /// The seconds one trial spent until its first round at or above `target` ended (the sum of
    /// `secondsPerRound` through that round), or nil when no round reached it.
    public static func seconds(toReach target: Double, curve: LearningCurve, secondsPerRound: [Double]) -> Double? {
        guard let hit = curve.points.firstIndex(where: { $0.accuracy >= target }) else { return nil }
        precondition(
            hit < secondsPerRound.count,
            "round \(hit) reached \(target) but only \(secondsPerRound.count) rounds were timed")
        return secondsPerRound[...hit].reduce(0, +)
    }

    /// The seconds of the trials that reached the target.
    public var reached: [Double] { perTrial.compactMap { $0 } }

    /// Whether no trial reached the target.
    public var neverReached: Bool { reached.isEmpty }
}
