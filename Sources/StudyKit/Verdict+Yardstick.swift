// A verdict judged by a yardstick the study chooses, for when the two arms' own spread is not the
// right one: one yardstick for every comparison of a study (the largest sd of any arm), or, with
// a single trial and so no spread at all, the training's own scatter read off the curves.

extension Verdict {
    /// The verdict of `arm`'s values (one per trial) against `baseline`'s, judged by `yardstick`
    /// (in the values' units, e.g. a fraction of accuracy) instead of the larger of their two
    /// standard deviations: ahead or behind when the gap between the means exceeds it, otherwise
    /// within the spread. Never `.noSpread`: one trial a side is judged by the yardstick too.
    public init(_ arm: [Double], against baseline: [Double], yardstick: Double) {
        precondition(
            !arm.isEmpty && !baseline.isEmpty && yardstick >= 0,
            "a verdict needs values on both sides and a yardstick ≥ 0, got \(arm), \(baseline), \(yardstick)")
        difference = TrialSpread(arm).mean - TrialSpread(baseline).mean
        self.yardstick = yardstick
        if abs(difference) <= yardstick {
            call = .withinSpread
        } else {
            call = difference > 0 ? .ahead : .behind
        }
    }

    /// The largest fall of test accuracy from one round to the next over all of `curves` (a
    /// fraction of accuracy, 0 when no curve falls). Accuracy that drops while labels grow is
    /// the training's own scatter, not the labels: with one trial, a yardstick for the gaps
    /// between arms.
    public static func largestFall(in curves: [LearningCurve]) -> Double {
        let falls = curves.flatMap { curve in
            zip(curve.points, curve.points.dropFirst()).map { $0.accuracy - $1.accuracy }
        }
        return max(falls.max() ?? 0, 0)
    }
}
